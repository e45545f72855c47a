// The one list of metrics. Adding a metric: its file(s) and one line here (docs/architecture.md).
#include "harness/metrics/registry.h"

#include "harness/metrics/learned_metrics.h"
#include "harness/metrics/msssim_metric.h"
#include "harness/metrics/psnr_metric.h"
#include "harness/metrics/trajectory_error_metric.h"

namespace tgvc {
namespace {

MetricEntry entry(const Metric& metric) {
  return {&metric.descriptor(), &metric, nullptr};
}

MetricEntry entry(const PerSetMetric& metric) {
  return {&metric.descriptor(), nullptr, &metric};
}

}  // namespace

const std::vector<MetricEntry>& all_metrics() {
  static const PsnrMetric psnr;
  static const SsimMetric ssim;
  static const MsssimMetric msssim;
  static const TrajectoryErrorMetric trajectory_error;
  static const std::unique_ptr<Metric> lpips = make_lpips_metric();
  static const std::unique_ptr<Metric> dists = make_dists_metric();
  static const std::unique_ptr<Metric> clipsim = make_clipsim_metric();
  static const std::unique_ptr<PerSetMetric> fvd = make_fvd_metric();
  static const std::vector<MetricEntry> metrics = {
      entry(psnr),   entry(ssim),   entry(msssim),   entry(trajectory_error),
      entry(*lpips), entry(*dists), entry(*clipsim), entry(*fvd),
  };
  return metrics;
}

std::vector<std::string> MetricEntry::input_files(const ParamSet& options) const {
  return plain ? plain->input_files(options) : per_set->input_files(options);
}

const MetricEntry* find_metric(const std::string& id) {
  for (const MetricEntry& m : all_metrics()) {
    if (m.descriptor->id == id) return &m;
  }
  return nullptr;
}

std::vector<std::string> metric_ids() {
  std::vector<std::string> ids;
  for (const MetricEntry& m : all_metrics()) ids.push_back(m.descriptor->id);
  return ids;
}

const MetricEntry* find_metric_of_value(const std::string& value_name) {
  for (const MetricEntry& m : all_metrics()) {
    for (const ValueSpec& spec : m.descriptor->values) {
      if (spec.name == value_name) return &m;
    }
  }
  return nullptr;
}

const ValueSpec* find_value_spec(const std::string& value_name) {
  const MetricEntry* m = find_metric_of_value(value_name);
  return m ? &value_spec(*m->descriptor, value_name) : nullptr;
}

}  // namespace tgvc
