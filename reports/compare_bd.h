// BD of each codec's curves in the current run against the same codec's curves in the base run:
// how far a change moved a codec's R-D curve, computed with compare_bd_curves (the function the
// report and `tgvc-bench bd` use), on bpp with pchip. Information next to the gate, never a verdict.
#pragma once

#include <string>
#include <vector>

#include "harness/results/bd_comparison.h"
#include "harness/results/run_results.h"

namespace tgvc {

inline constexpr BdMethod kCompareBdMethod = BdMethod::kPchip;

struct CodecBdChange {
  std::string dataset;
  std::string codec;
  std::string metric;
  BdComparison bd;  // anchor: base, test: current; per sequence and the mean (kBdMeanRule)
};

// One entry per (dataset, codec, metric value) with usable points in both runs, in base's order.
// Rate values (bits, bpp, kbps) are not metrics here.
std::vector<CodecBdChange> compare_run_bd(const RunResults& base, const RunResults& current);

// R-D curves of one codec in one dataset, one per sequence in order of first appearance: the ok
// cells whose metric value is available and finite and whose bpp is positive, as select_bd_curves
// keeps the rows of a results.csv.
std::vector<BdCurve> cell_bd_curves(const std::vector<CellResult>& cells, const std::string& dataset,
                                    const std::string& codec, const std::string& metric);

}  // namespace tgvc
