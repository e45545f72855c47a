// Motion fidelity: how far points of the decoded video land from where they are in the source,
// scored the TAP-Vid way (the rule: harness/metrics/trajectory_scores.h and docs/metrics.md). The
// headline value is trajectory_delta_avg (higher is better).
#pragma once

#include "harness/core/param_table.h"
#include "harness/metrics/metric.h"
#include "harness/metrics/trajectory_source.h"

namespace tgvc {

// Where the reference tracks come from: the source's ground truth when it has one, else the tracker.
enum class TrajectoryTruth { kAuto, kTracker };

struct TrajectoryErrorOptions {
  int grid = 16;  // queries per side on each scene's first frame
  TrajectoryTruth truth = TrajectoryTruth::kAuto;
  bool include_first_frame = false;
  double cut_threshold = 0.15;  // luma-histogram total variation of a scene cut
};

const ParamTable<TrajectoryErrorOptions>& trajectory_error_option_table();

class TrajectoryErrorMetric final : public Metric {
 public:
  const MetricDescriptor& descriptor() const override;
  std::vector<MetricValue> compute(const Video& ref, const Video& dist,
                                   const ParamSet& options) const override;
  // With synthetic sources the reference tracks are the generator's ground truth (truth: auto).
  std::vector<MetricValue> compute_in_context(const Video& ref, const Video& dist, const ParamSet& options,
                                              const MetricContext& context) const override;
  // The source side (scene cuts, queries, reference tracks) shaped by grid, cut-threshold and
  // truth: compute_in_context takes it as context.prepared_source, or makes it itself.
  std::string prepared_source_key(const ParamSet& options, const MetricContext& context) const override;
  std::shared_ptr<const PreparedSource> prepare(const Video& ref, const ParamSet& options,
                                                const MetricContext& context) const override;

 private:
  TrajectorySourceOptions source_options(const ParamSet& options, const MetricContext& context) const;
};

}  // namespace tgvc
