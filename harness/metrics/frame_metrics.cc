#include "harness/metrics/frame_metrics.h"

#include <cassert>

#include "harness/core/parallel_for.h"
#include "harness/metrics/metric_input.h"

namespace tgvc {

FrameMetrics::FrameMetrics(const VideoInfo& ref, const VideoInfo& dist,
                           const std::vector<FrameMetricRequest>& metrics)
    : ref_info_(ref), dist_info_(dist) {
  check_frame_inputs(ref, dist);
  for (const FrameMetricRequest& m : metrics) {
    accumulators_.push_back(m.metric->start_frames(ref, dist, m.options));
    assert(accumulators_.back() && "only per-frame metrics stream");
  }
}

void FrameMetrics::add(int index, const Frame& ref, const Frame& dist) {
  std::unique_ptr<FramePair::Storage> storage;
  {
    std::lock_guard<std::mutex> lock(storage_mutex_);
    if (!spare_storage_.empty()) {
      storage = std::move(spare_storage_.back());
      spare_storage_.pop_back();
    }
  }
  if (!storage) storage = std::make_unique<FramePair::Storage>();
  {
    const FramePair pair(ref, dist, ref_info_, dist_info_, storage.get());
    for (const std::unique_ptr<FrameAccumulator>& a : accumulators_) a->add(index, pair);
  }
  std::lock_guard<std::mutex> lock(storage_mutex_);
  spare_storage_.push_back(std::move(storage));
}

std::vector<std::vector<MetricValue>> FrameMetrics::finish() {
  std::vector<std::vector<MetricValue>> out;
  for (const std::unique_ptr<FrameAccumulator>& a : accumulators_) out.push_back(a->finish());
  return out;
}

std::vector<std::vector<MetricValue>> compute_frame_metrics(const Video& ref, const Video& dist,
                                                            const std::vector<FrameMetricRequest>& metrics,
                                                            int threads) {
  check_metric_inputs(ref, dist);
  FrameMetrics frames(ref.info, dist.info, metrics);
  parallel_for(ref.frame_count(), threads, [&](int f) { frames.add(f, ref.frames[f], dist.frames[f]); });
  return frames.finish();
}

}  // namespace tgvc
