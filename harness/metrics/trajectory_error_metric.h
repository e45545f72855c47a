// Motion fidelity: how far points of the decoded video land from where they are in the source,
// scored the TAP-Vid way (the rule: harness/metrics/trajectory_scores.h and docs/metrics.md). The
// headline value, first in the list, is trajectory_delta_avg (higher is better).
#pragma once

#include "harness/metrics/metric.h"

namespace tgvc {

class TrajectoryErrorMetric final : public Metric {
 public:
  std::string id() const override { return "trajectory_error"; }
  std::string version() const override { return "2 (tracker dense-flow 1)"; }
  std::string description() const override;
  const std::vector<ParamSpec>& param_specs() const override;
  std::vector<MetricValue> compute(const Video& ref, const Video& dist,
                                   const ParamSet& options) const override;
  // With synthetic sources the reference tracks are the generator's ground truth (truth: auto).
  std::vector<MetricValue> compute_in_context(const Video& ref, const Video& dist, const ParamSet& options,
                                              const MetricContext& context) const override;
};

}  // namespace tgvc
