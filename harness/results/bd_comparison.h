// BD metrics per sequence between two sets of curves (anchor and test), and their mean: the one
// function that report.html, `tgvc-bench bd` and `tgvc-bench compare` all use, so the three show
// the same numbers for the same results.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "harness/results/bd_curves.h"
#include "harness/results/bd_metrics.h"

namespace tgvc {

// BD of one sequence present in both tables.
struct BdSequenceResult {
  std::string dataset;
  std::string sequence;
  size_t anchor_points = 0;
  size_t test_points = 0;
  BdResult bd;
};

// The averaging rule, as the page, the CLI and compare state it.
inline constexpr const char* kBdMeanRule =
    "the arithmetic mean over the sequences where both BD-rate and BD-quality could be computed; "
    "a sequence where either is undefined counts in neither mean";

struct BdComparison {
  std::vector<BdSequenceResult> sequences;  // in the anchor's order
  std::vector<std::string> unmatched;       // "dataset/sequence: only in the anchor" and the like
  // kBdMeanRule: both means over the same sequences, those whose BD is ok; NaN when there are none.
  size_t mean_count = 0;
  double mean_bd_rate_pct = std::numeric_limits<double>::quiet_NaN();
  double mean_bd_quality = std::numeric_limits<double>::quiet_NaN();
};

// Pairs the curves by (dataset, sequence) and computes BD for each pair.
BdComparison compare_bd_curves(const std::vector<BdCurve>& anchor, const std::vector<BdCurve>& test,
                               BdMethod method, bool higher_is_better);

}  // namespace tgvc
