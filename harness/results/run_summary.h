// The summary step: everything report.html shows that is computed from several cells, computed
// once as plain data. Per dataset, codec and metric: the per-sequence curves, the per-dataset mean
// of each rate point (rd_means.h), BD per sequence and pooled against the anchor (compare_bd_curves,
// kBdMeanRule); per sequence the cells at matched bpp. Sections of the page only render it, and
// `tgvc-bench bd` and `compare` call the same functions on the same curves.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "harness/results/bd_comparison.h"
#include "harness/results/cell_values.h"
#include "harness/results/matched_rate.h"
#include "harness/results/rd_means.h"
#include "harness/results/run_grid.h"

namespace tgvc {

// Which way is better for a value name: the caller's rule (the metric descriptors), never decided
// by the summary itself.
using HigherIsBetter = std::function<bool(const std::string& value_name)>;

struct SummaryRequest {
  std::vector<std::string> metrics;                  // value names to summarise, in this order
  size_t bd_metric_count = static_cast<size_t>(-1);  // BD only for metrics[0, bd_metric_count)
  HigherIsBetter higher_is_better;                   // required when there is BD to compute
  std::string anchor;                                // the BD anchor's codec name; empty: no BD
  BdMethod method = BdMethod::kPchip;
  RateAxis rate_axis = RateAxis::kBpp;
};

// One codec's values of one metric in one dataset.
struct CodecMetricSummary {
  // One curve per sequence of the dataset (grid order; empty when the codec has no usable point
  // there): the ok cells with a finite value and a positive rate, labelled with their rate points.
  std::vector<BdCurve> curves;
  std::vector<MeanPoint> means;  // mean_points(curves)
  bool has_bd = false;           // false for the anchor, without an anchor here, past bd_metric_count
  BdComparison bd;               // anchor: the anchor codec's curves; test: `curves`
};

struct DatasetSummary {
  size_t anchor = 0;  // entry of the dataset's codecs that is the anchor; codecs.size(): none here
  std::vector<std::vector<CodecMetricSummary>> codecs;  // [c][m]: entry c of the grid's codecs, metric m
  std::vector<MatchedCells> matched;                    // per sequence: match_bpp of its cells
};

struct RunSummary {
  std::vector<DatasetSummary> datasets;  // parallel to RunGrid::datasets
};

RunSummary summarise_run(const RunGrid& grid, const SummaryRequest& request);

// One dataset's curves of codec entry `c` for `metric`, as CodecMetricSummary::curves.
std::vector<BdCurve> dataset_curves(const DatasetGrid& d, size_t c, const std::string& metric, RateAxis axis);

}  // namespace tgvc
