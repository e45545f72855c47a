// Bjontegaard-delta metrics: the average rate saving at equal quality (BD-rate) and the average
// quality gain at equal rate (BD-quality) between an anchor and a test R-D curve, on any metric.
// Definitions, methods and the overlap rule: docs/bd.md.
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "harness/core/bd_method.h"

namespace tgvc {

// One rate point: rate in any positive unit (bpp, kbps, bits), quality in the metric's unit.
struct RdPoint {
  double rate;
  double quality;
};

struct BdResult {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  double bd_rate_pct = kNaN;  // percent; negative: the test codec saves bits
  double bd_quality = kNaN;   // metric units; positive: the test codec is better (direction applied)
  double quality_low = kNaN, quality_high = kNaN;        // overlap used for BD-rate, metric units
  double log10_rate_low = kNaN, log10_rate_high = kNaN;  // overlap used for BD-quality
  // True when both values are finite. Otherwise `reason` says which one failed and why (no
  // overlap, too few points, duplicated or non-monotonic points, bad values); a value that could
  // be computed is still filled in.
  bool ok = false;
  std::string reason;
  // Non-empty when an overlap covers less than half of either curve's range.
  std::string warning;
};

// Fraction of either curve's range below which the overlap earns a warning.
constexpr double kBdSmallOverlap = 0.5;

// BD metrics of `test` against `anchor`. Points may come in any order (they are sorted by rate).
// Rates are integrated in the log10 domain. For a lower-is-better metric (LPIPS, FVD) the quality
// axis is flipped, so a negative BD-rate still means "test saves bits" and a positive BD-quality
// "test better". Never throws on bad data: it returns !ok with a reason.
BdResult bd_metrics(std::vector<RdPoint> anchor, std::vector<RdPoint> test, BdMethod method,
                    bool higher_is_better = true);

}  // namespace tgvc
