#include "harness/results/bd_cubic_fit.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace tgvc {

CubicFit fit_cubic(const std::vector<double>& x, const std::vector<double>& y) {
  assert(x.size() == y.size() && x.size() >= 4);
  CubicFit fit;
  const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
  fit.centre = (*lo + *hi) / 2;
  fit.scale = (*hi - *lo) / 2;
  assert(fit.scale > 0);
  // Householder QR of the Vandermonde matrix in t, applied to y as it goes: more accurate than the
  // normal equations, which square the condition number.
  const size_t n = x.size();
  std::vector<std::array<double, 4>> a(n);
  std::vector<double> b = y;
  for (size_t i = 0; i < n; ++i) {
    const double t = (x[i] - fit.centre) / fit.scale;
    a[i] = {1.0, t, t * t, t * t * t};
  }
  for (size_t k = 0; k < 4; ++k) {
    double norm = 0;
    for (size_t i = k; i < n; ++i) norm += a[i][k] * a[i][k];
    norm = std::sqrt(norm);
    assert(norm > 0);
    const double alpha = a[k][k] > 0 ? -norm : norm;
    // v = column - alpha e_k, stored in place of the column; H = I - 2 v v^T / (v^T v).
    a[k][k] -= alpha;
    double vv = 0;
    for (size_t i = k; i < n; ++i) vv += a[i][k] * a[i][k];
    auto reflect = [&](auto get) {
      double dot = 0;
      for (size_t i = k; i < n; ++i) dot += a[i][k] * get(i);
      const double f = 2 * dot / vv;
      for (size_t i = k; i < n; ++i) get(i) -= f * a[i][k];
    };
    for (size_t j = k + 1; j < 4; ++j) reflect([&](size_t i) -> double& { return a[i][j]; });
    reflect([&](size_t i) -> double& { return b[i]; });
    a[k][k] = alpha;  // R's diagonal; the rest of column k is no longer needed
  }
  for (int k = 3; k >= 0; --k) {
    double s = b[k];
    for (int j = k + 1; j < 4; ++j) s -= a[k][j] * fit.c[j];
    fit.c[k] = s / a[k][k];
  }
  return fit;
}

double integrate_cubic(const CubicFit& fit, double a, double b) {
  auto antiderivative = [&](double x) {
    const double t = (x - fit.centre) / fit.scale;
    return t * (fit.c[0] + t * (fit.c[1] / 2 + t * (fit.c[2] / 3 + t * fit.c[3] / 4)));
  };
  return fit.scale * (antiderivative(b) - antiderivative(a));
}

}  // namespace tgvc
