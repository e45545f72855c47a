// Number and label formatting shared by the regression gate's Markdown, HTML and console output.
#pragma once

#include <string>

#include "reports/compare_runs.h"

namespace tgvc {

// "n/a" for NaN; integers (bits) without decimals; otherwise 7 significant digits.
std::string compare_number(double value);

// Signed delta with the relative change: "-0.0612 (-0.19%)"; "" when either side is n/a.
std::string compare_delta(const ValueDiff& value);

// "FAIL: 3 regressions" or "PASS: no regression".
std::string compare_verdict_line(const Comparison& comparison);

// "12 cells matched, 0 missing, 1 new, 0 failed, 0 fixed, 0 failed in both".
std::string compare_cells_line(const CompareCounts& counts);

// "96 values: 3 improved, 90 same, 2 within tolerance, 1 regressed, 0 not compared".
std::string compare_values_line(const CompareCounts& counts);

// "x265: 3.5 -> 3.6 (12 cells)".
std::string codec_version_text(const CodecVersionChange& change);

// A BD value as `tgvc-bench bd` prints it: fixed `decimals`, "n/a" when undefined.
std::string compare_bd_number(double value, int decimals);

// The sentence under the BD tables of compare.md and compare.html: method, axis and mean rule.
std::string compare_bd_caption();

// The few lines `tgvc-bench compare` prints: verdict, counts, codec version changes and the first
// `max_regressions` regressions, one per line.
std::string compare_console_summary(const Comparison& comparison, int max_regressions = 10);

}  // namespace tgvc
