#include "codecs/tgvc/clustering/zscore.h"

#include <cmath>
#include <limits>

namespace tgvc {

void zscore_columns(FeatureMatrix& points) {
  check_feature_matrix(points, "zscore");
  const int n = points.rows;
  if (n == 0) return;
  constexpr double kEps = std::numeric_limits<double>::epsilon();
  for (int c = 0; c < points.cols; ++c) {
    double mean = 0;
    for (int r = 0; r < n; ++r) mean += points.at(r, c);
    mean /= n;
    double var = 0;
    for (int r = 0; r < n; ++r) {
      const double d = points.at(r, c) - mean;
      var += d * d;
    }
    var /= n;
    // StandardScaler's test for a feature that only rounding makes non-constant.
    const double bound = n * kEps * var + (n * mean * kEps) * (n * mean * kEps);
    const bool constant = var <= bound;
    const double scale = std::sqrt(var);
    for (int r = 0; r < n; ++r) points.at(r, c) = constant ? 0.0 : (points.at(r, c) - mean) / scale;
  }
}

}  // namespace tgvc
