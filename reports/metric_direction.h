// Which way is better for a reported value. Used by BD metrics, reports and the regression gate.
#pragma once

#include <string>

#include "harness/metrics/rate.h"  // is_rate_value: the rate columns, lower is better

namespace tgvc {

// The direction the value's descriptor states (harness/metrics/registry.h: find_value_spec);
// false for the rate columns (bits, bpp, kbps, bits_*). A column of published R-D points that a
// value reports (ValueSpec::paper_column: "lpips", "clip_sim") has that value's direction. Any
// other name (a value no metric lists any more, a column of someone else's CSV) counts as
// higher is better.
bool metric_higher_is_better(const std::string& name);

}  // namespace tgvc
