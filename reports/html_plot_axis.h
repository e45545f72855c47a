// Axis ranges and tick marks for the report's SVG plots.
#pragma once

#include <string>
#include <vector>

namespace tgvc {

struct AxisTick {
  double value = 0;
  std::string label;  // empty: an unlabelled minor tick
};

struct Axis {
  double low = 0;  // the drawn range, in data units
  double high = 1;
  bool log = false;
  std::vector<AxisTick> ticks;

  // Position of `value` in [0, 1] along the axis (log10 on a log axis).
  double fraction(double value) const;
};

// A linear axis over [low, high] widened to multiples of a 1, 2 or 5 x 10^k step chosen to give
// about `target_ticks` ticks. A zero-width range is widened around its value.
Axis linear_axis(double low, double high, int target_ticks = 5);

// A log10 axis over [low, high] (both > 0) padded by 4% of its span in log space. Ticks at
// 1..9 x 10^k; decades are labelled, and 2 and 5 too when at most three decade ticks show.
Axis log_axis(double low, double high);

// The report's rule for a rate axis: log when the values are positive and span more than a decade.
bool wants_log_axis(double low, double high);

}  // namespace tgvc
