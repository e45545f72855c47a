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

  // What it is (kind per set): id, version, options and the values finish() returns.
  virtual const MetricDescriptor& descriptor() const = 0;
  // Shorthands for the descriptor's fields.
  const std::string& id() const { return descriptor().id; }
  const std::string& version() const { return descriptor().version; }
  const std::vector<ParamSpec>& param_specs() const { return descriptor().options; }
  // Files a contribution with `options` (resolved) reads (model files), found or not: the cache
  // key fingerprints their contents.
  virtual std::vector<std::string> input_files(const ParamSet& /*options*/) const { return {}; }

  // Features of one cell's videos (same checks as Metric::compute; InputError when not
  // comparable). A missing model gives an unavailable contribution, not an exception. Thread-safe.
  virtual SetContribution contribute(const Video& ref, const Video& dist, const ParamSet& options) const = 0;

  // The set's values from the contributions of all its cells. Any unavailable contribution, or
  // too few clips, makes every value n/a with the reason. InputError when the contributions were
  // made by another version or method.
  virtual std::vector<MetricValue> finish(const std::vector<SetContribution>& cells,
                                          const ParamSet& options) const = 0;
};

}  // namespace tgvc
