// The one list of metrics. Adding a metric: one file and one line here.
#include "harness/core/error.h"
#include "harness/metrics/learned_metrics.h"
#include "harness/metrics/metric.h"
#include "harness/metrics/msssim_metric.h"
#include "harness/metrics/psnr_metric.h"
#include "harness/metrics/trajectory_error_metric.h"

namespace tgvc {

const std::vector<const Metric*>& all_metrics() {
  static const PsnrMetric psnr;
  static const SsimMetric ssim;
  static const MsssimMetric msssim;
  static const TrajectoryErrorMetric trajectory_error;
  static const std::unique_ptr<Metric> lpips = make_lpips_metric();
  static const std::unique_ptr<Metric> dists = make_dists_metric();
  static const std::unique_ptr<Metric> clipsim = make_clipsim_metric();
  static const std::vector<const Metric*> metrics = {
      &psnr, &ssim, &msssim, &trajectory_error, lpips.get(), dists.get(), clipsim.get()};
  return metrics;
}

const std::vector<const PerSetMetric*>& all_per_set_metrics() {
  static const std::unique_ptr<PerSetMetric> fvd = make_fvd_metric();
  static const std::vector<const PerSetMetric*> metrics = {fvd.get()};
  return metrics;
}

const PerSetMetric* find_per_set_metric(const std::string& id) {
  for (const PerSetMetric* m : all_per_set_metrics()) {
    if (m->id() == id) return m;
  }
  return nullptr;
}

const Metric* find_metric(const std::string& id) {
  for (const Metric* m : all_metrics()) {
    if (m->id() == id) return m;
  }
  return nullptr;
}

void check_comparable(const Video& ref, const Video& dist) {
  const auto describe = [](const Video& v) {
    return std::to_string(v.info.width) + "x" + std::to_string(v.info.height) +
           (v.info.format.family == ColourFamily::kRgb ? " RGB " : " YUV ") +
           to_string(v.info.format.chroma) + " " + std::to_string(v.info.format.bit_depth) + "-bit, " +
           std::to_string(v.frame_count()) + " frames";
  };
  if (ref.info.width != dist.info.width || ref.info.height != dist.info.height ||
      ref.info.format != dist.info.format || ref.frame_count() != dist.frame_count()) {
    throw InputError("distorted video", "the reference's " + describe(ref), describe(dist));
  }
}

}  // namespace tgvc
