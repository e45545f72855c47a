// BD metrics per sequence between two sets of curves (anchor and test), and their mean.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "reports/bd_curves.h"
#include "reports/bd_metrics.h"

namespace tgvc {

// BD of one sequence present in both tables.
struct BdSequenceResult {
  std::string dataset;
  std::string sequence;
  size_t anchor_points = 0;
  size_t test_points = 0;
  BdResult bd;
};

struct BdComparison {
  std::vector<BdSequenceResult> sequences;  // in the anchor's order
  std::vector<std::string> unmatched;       // "dataset/sequence: only in the anchor" and the like
  // Mean over the sequences whose BD is ok; NaN when there are none.
  size_t mean_count = 0;
  double mean_bd_rate_pct = std::numeric_limits<double>::quiet_NaN();
  double mean_bd_quality = std::numeric_limits<double>::quiet_NaN();
};

// Pairs the curves by (dataset, sequence) and computes BD for each pair.
BdComparison compare_bd_curves(const std::vector<BdCurve>& anchor, const std::vector<BdCurve>& test,
                               BdMethod method, bool higher_is_better);

}  // namespace tgvc
