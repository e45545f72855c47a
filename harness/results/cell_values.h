// The numbers of a cell as the summary step reads them: a named metric value and the rate on the
// chosen axis.
#pragma once

#include <string>

#include "harness/results/cell_result.h"

namespace tgvc {

// The rate a summary puts on its x axis.
enum class RateAxis { kBpp, kKbps };

// The named value of a cell; nullptr when the cell has none.
const MetricValue* find_value(const CellResult& cell, const std::string& name);
// The value when the cell is ok and the metric available and finite; NaN otherwise.
double usable_value(const CellResult& cell, const std::string& name);
double rate_of(const CellResult& cell, RateAxis axis);
// "bpp" | "kbps".
const char* rate_axis_name(RateAxis axis);

}  // namespace tgvc
