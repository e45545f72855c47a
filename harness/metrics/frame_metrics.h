// Per-frame metrics fed together, one frame pair at a time: the one path that `measure` (frames as
// they are decoded) and the runner and Metric::compute (frames of clips in memory) measure with.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "harness/core/frame.h"
#include "harness/core/params.h"
#include "harness/metrics/frame_pair.h"
#include "harness/metrics/metric.h"

namespace tgvc {

// A per-frame metric (Metric::start_frames gives an accumulator) with its resolved options.
struct FrameMetricRequest {
  const Metric* metric = nullptr;
  ParamSet options;
};

class FrameMetrics {
 public:
  // Starts every metric's accumulator. Throws InputError unless the formats can be compared
  // (check_frame_inputs).
  FrameMetrics(const VideoInfo& ref, const VideoInfo& dist, const std::vector<FrameMetricRequest>& metrics);

  // Feeds frame `index` of both clips to every metric, the pair's colour forms made once
  // (frame_pair.h). Frames have the infos' geometry and format. Thread-safe, each index once.
  void add(int index, const Frame& ref, const Frame& dist);

  // Each metric's values, in the order the metrics were given.
  std::vector<std::vector<MetricValue>> finish();

 private:
  VideoInfo ref_info_;
  VideoInfo dist_info_;
  std::vector<std::unique_ptr<FrameAccumulator>> accumulators_;
  // Converted frames' planes not in use: one set per concurrent add() at most.
  std::mutex storage_mutex_;
  std::vector<std::unique_ptr<FramePair::Storage>> spare_storage_;
};

// The per-frame metrics over two clips in memory, `threads` frames at a time (the values do not
// depend on it). Throws InputError unless check_metric_inputs holds.
std::vector<std::vector<MetricValue>> compute_frame_metrics(const Video& ref, const Video& dist,
                                                            const std::vector<FrameMetricRequest>& metrics,
                                                            int threads = 1);

}  // namespace tgvc
