// Per-set metrics (FVD): one value over every clip of one (codec, rate point) across sequences.
// The runner asks each finished cell for its contribution (features of its clips: a few hundred
// numbers per clip, small enough to keep in the cell's result so that a resumed run needs no
// decoding), and once every cell of a set is done it asks the metric for the set's values.
#pragma once

#include <string>
#include <vector>

#include "harness/core/frame.h"
#include "harness/core/params.h"
#include "harness/metrics/metric.h"
#include "harness/results/metric_value.h"

namespace tgvc {

class PerSetMetric {
 public:
  virtual ~PerSetMetric() = default;

  virtual std::string id() const = 0;
  virtual std::string version() const = 0;
  virtual std::string description() const = 0;
  virtual const std::vector<ParamSpec>& param_specs() const = 0;
  // Files a contribution with `options` (resolved) reads (model files), found or not: the cache
  // key fingerprints their contents.
  virtual std::vector<std::string> input_files(const ParamSet& /*options*/) const { return {}; }
  // Names of the values finish() returns (for tables and n/a rows).
  virtual std::vector<std::string> value_names() const = 0;

  // Features of one cell's videos (same checks as Metric::compute; InputError when not
  // comparable). A missing model gives an unavailable contribution, not an exception. Thread-safe.
  virtual SetContribution contribute(const Video& ref, const Video& dist, const ParamSet& options) const = 0;

  // The set's values from the contributions of all its cells. Any unavailable contribution, or
  // too few clips, makes every value n/a with the reason. InputError when the contributions were
  // made by another version or method.
  virtual std::vector<MetricValue> finish(const std::vector<SetContribution>& cells,
                                          const ParamSet& options) const = 0;
};

const std::vector<const PerSetMetric*>& all_per_set_metrics();
// nullptr when no per-set metric has that id.
const PerSetMetric* find_per_set_metric(const std::string& id);

}  // namespace tgvc
