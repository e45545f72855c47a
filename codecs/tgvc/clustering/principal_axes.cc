#include "codecs/tgvc/clustering/principal_axes.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tgvc {

std::vector<double> principal_axes(const FeatureMatrix& points) {
  const int dim = points.cols, n = points.rows;
  std::vector<double> mean(dim, 0.0), cov(static_cast<size_t>(dim) * dim, 0.0);
  for (int r = 0; r < n; ++r) {
    for (int k = 0; k < dim; ++k) mean[k] += points.at(r, k);
  }
  for (double& m : mean) m /= std::max(1, n);
  for (int r = 0; r < n; ++r) {
    for (int a = 0; a < dim; ++a) {
      const double da = points.at(r, a) - mean[a];
      for (int b = a; b < dim; ++b) cov[a * dim + b] += da * (points.at(r, b) - mean[b]);
    }
  }
  for (int a = 0; a < dim; ++a) {
    for (int b = 0; b < a; ++b) cov[a * dim + b] = cov[b * dim + a];
  }

  // Cyclic Jacobi: rotate away every off-diagonal entry until they are negligible; v accumulates
  // the rotations, its columns become the eigenvectors.
  std::vector<double> v(static_cast<size_t>(dim) * dim, 0.0);
  for (int k = 0; k < dim; ++k) v[k * dim + k] = 1;
  for (int sweep = 0; sweep < 50; ++sweep) {
    double off = 0, diag = 0;
    for (int a = 0; a < dim; ++a) {
      diag += cov[a * dim + a] * cov[a * dim + a];
      for (int b = a + 1; b < dim; ++b) off += cov[a * dim + b] * cov[a * dim + b];
    }
    if (off <= 1e-30 * diag || off == 0) break;
    for (int p = 0; p < dim; ++p) {
      for (int q = p + 1; q < dim; ++q) {
        const double apq = cov[p * dim + q];
        if (apq == 0) continue;
        const double theta = (cov[q * dim + q] - cov[p * dim + p]) / (2 * apq);
        const double t = (theta >= 0 ? 1.0 : -1.0) / (std::fabs(theta) + std::sqrt(theta * theta + 1));
        const double c = 1 / std::sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < dim; ++k) {  // columns p and q
          const double kp = cov[k * dim + p], kq = cov[k * dim + q];
          cov[k * dim + p] = c * kp - s * kq;
          cov[k * dim + q] = s * kp + c * kq;
        }
        for (int k = 0; k < dim; ++k) {  // rows p and q
          const double pk = cov[p * dim + k], qk = cov[q * dim + k];
          cov[p * dim + k] = c * pk - s * qk;
          cov[q * dim + k] = s * pk + c * qk;
        }
        for (int k = 0; k < dim; ++k) {
          const double kp = v[k * dim + p], kq = v[k * dim + q];
          v[k * dim + p] = c * kp - s * kq;
          v[k * dim + q] = s * kp + c * kq;
        }
      }
    }
  }

  std::vector<int> rank(dim);
  std::iota(rank.begin(), rank.end(), 0);
  std::stable_sort(rank.begin(), rank.end(),
                   [&](int a, int b) { return cov[a * dim + a] > cov[b * dim + b]; });
  std::vector<double> axes(static_cast<size_t>(dim) * dim);
  for (int i = 0; i < dim; ++i) {
    for (int k = 0; k < dim; ++k) axes[i * dim + k] = v[k * dim + rank[i]];
  }
  return axes;
}

}  // namespace tgvc
