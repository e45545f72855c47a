// BD of each codec's curves in the current run against the same codec's curves in the base run:
// how far a change moved a codec's R-D curve, computed with compare_bd_curves (the function the
// report and `tgvc-bench bd` use), on bpp with pchip, and each side's per-dataset means
// (mean_points, the report's rule). Information next to the gate, never a verdict.
#pragma once

#include <string>
#include <vector>

#include "harness/results/bd_comparison.h"
#include "harness/results/rd_means.h"
#include "harness/results/run_results.h"
#include "harness/results/run_summary.h"

namespace tgvc {

inline constexpr BdMethod kCompareBdMethod = BdMethod::kPchip;

struct CodecBdChange {
  std::string dataset;
  std::string codec;
  std::string metric;
  BdComparison bd;                    // anchor: base, test: current; per sequence and the mean (kBdMeanRule)
  std::vector<MeanPoint> base_means;  // per rate point over the dataset's sequences (kRdMeanRule)
  std::vector<MeanPoint> current_means;  // the same in the current run
};

// One entry per (dataset, codec, metric value) with usable points in both runs, in base's order.
// Values that `is_rate_value` names (bits, bpp, kbps) are not metrics here; `higher_is_better` is
// the caller's direction of each value.
std::vector<CodecBdChange> compare_run_bd(const RunResults& base, const RunResults& current,
                                          const HigherIsBetter& higher_is_better,
                                          const std::function<bool(const std::string&)>& is_rate_value);

// R-D curves of one codec in one dataset, one per sequence in order of first appearance: the ok
// cells whose metric value is available and finite and whose bpp is positive, as select_bd_curves
// keeps the rows of a results.csv; each point labelled with its cell's rate point.
std::vector<BdCurve> cell_bd_curves(const std::vector<CellResult>& cells, const std::string& dataset,
                                    const std::string& codec, const std::string& metric);

}  // namespace tgvc
