// The value of a per-set metric (FVD) for one set: every cell of one codec entry and rate point,
// across the experiment's sequences.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "harness/results/metric_value.h"

namespace tgvc {

struct SetResult {
  std::string metric;  // the per-set metric's id
  std::string codec;
  std::string rate_point;
  std::vector<std::string> sequences;  // "dataset/sequence" of the set's cells, in plan order
  double bpp = std::numeric_limits<double>::quiet_NaN();   // mean over the set's cells
  double kbps = std::numeric_limits<double>::quiet_NaN();  // mean over the set's cells
  std::vector<MetricValue> values;  // as the metric's finish() gives them, or n/a with the reason
};

}  // namespace tgvc
