// Per-dataset means of R-D points: one mean point per rate point over a dataset's sequences. The
// one rule behind report.html's R-D curves, `tgvc-bench bd --json`'s "means" and compare's
// per-dataset means.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "harness/results/bd_curves.h"

namespace tgvc {

// The averaging rule, as the page, the CLI and compare state it.
inline constexpr const char* kRdMeanRule =
    "per rate point, the arithmetic means of the rate and of the value over the dataset's sequences "
    "whose cell succeeded with a positive rate and a finite value";

struct MeanPoint {
  std::string rate_point;
  double rate = std::numeric_limits<double>::quiet_NaN();   // mean over `count` sequences
  double value = std::numeric_limits<double>::quiet_NaN();  // mean over the same sequences
  size_t count = 0;                                         // sequences with a point at this rate point
};

// `curves` are one dataset's curves of one codec and metric, one per sequence (their rate_points
// labelled). The points of each label, summed in curve order; labels in order of first appearance.
// Curves without labels (plain CSV tables) give no means.
std::vector<MeanPoint> mean_points(const std::vector<BdCurve>& curves);

struct DatasetMeans {
  std::string dataset;
  std::vector<MeanPoint> points;  // mean_points of the dataset's curves
};

// mean_points per dataset of `curves` (several datasets' curves, e.g. a results.csv's), datasets
// in order of first appearance; datasets without labelled points are left out.
std::vector<DatasetMeans> dataset_means(const std::vector<BdCurve>& curves);

}  // namespace tgvc
