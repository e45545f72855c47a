// A dense row-major matrix of points (one row per point), the input of the clustering stages.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tgvc {

struct FeatureMatrix {
  int rows = 0;                // points
  int cols = 0;                // dimensions
  std::vector<double> values;  // rows * cols, row after row

  FeatureMatrix() = default;
  FeatureMatrix(int row_count, int col_count)
      : rows(row_count), cols(col_count), values(static_cast<size_t>(row_count) * col_count, 0.0) {}

  double& at(int row, int col) { return values[static_cast<size_t>(row) * cols + col]; }
  double at(int row, int col) const { return values[static_cast<size_t>(row) * cols + col]; }
  const double* row(int r) const { return values.data() + static_cast<size_t>(r) * cols; }
};

// Raises InputError(where, ...) unless rows, cols and values agree and every value is finite.
void check_feature_matrix(const FeatureMatrix& points, const std::string& where);

}  // namespace tgvc
