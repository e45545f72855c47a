#include "codecs/tgvc/clustering/feature_matrix.h"

#include <cmath>

#include <fmt/format.h>

#include "harness/core/error.h"

namespace tgvc {

void check_feature_matrix(const FeatureMatrix& points, const std::string& where) {
  if (points.rows < 0 || points.cols < 0) {
    throw InputError(where, "a non-negative shape", fmt::format("{}x{}", points.rows, points.cols));
  }
  if (points.rows > 0 && points.cols == 0) throw InputError(where, "at least one dimension", "0");
  const size_t expected = static_cast<size_t>(points.rows) * static_cast<size_t>(points.cols);
  if (points.values.size() != expected) {
    throw InputError(where,
                     fmt::format("{} values ({} rows x {} columns)", expected, points.rows, points.cols),
                     fmt::format("{}", points.values.size()));
  }
  for (size_t i = 0; i < points.values.size(); ++i) {
    if (!std::isfinite(points.values[i])) {
      throw InputError(fmt::format("{} row {} column {}", where, i / points.cols, i % points.cols),
                       "a finite value", fmt::format("{}", points.values[i]));
    }
  }
}

}  // namespace tgvc
