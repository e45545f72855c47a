#include "harness/results/bd_hermite.h"

#include <algorithm>
#include <cassert>

namespace tgvc {

std::vector<double> secant_slopes(const std::vector<double>& x, const std::vector<double>& y) {
  assert(x.size() == y.size() && x.size() >= 2);
  std::vector<double> m(x.size() - 1);
  for (size_t i = 0; i + 1 < x.size(); ++i) m[i] = (y[i + 1] - y[i]) / (x[i + 1] - x[i]);
  return m;
}

double integrate_hermite(const std::vector<double>& x, const std::vector<double>& y,
                         const std::vector<double>& slopes, double a, double b) {
  assert(x.size() == y.size() && x.size() == slopes.size() && x.size() >= 2);
  assert(x.front() <= a && a <= b && b <= x.back());
  double sum = 0;
  for (size_t k = 0; k + 1 < x.size(); ++k) {
    const double lo = std::max(a, x[k]);
    const double hi = std::min(b, x[k + 1]);
    if (lo >= hi) continue;
    // On [x_k, x_k+1], with t = x - x_k: y_k + d_k t + c2 t^2 + c3 t^3.
    const double h = x[k + 1] - x[k];
    const double m = (y[k + 1] - y[k]) / h;
    const double c2 = (3 * m - 2 * slopes[k] - slopes[k + 1]) / h;
    const double c3 = (slopes[k] + slopes[k + 1] - 2 * m) / (h * h);
    auto antiderivative = [&](double t) {
      return t * (y[k] + t * (slopes[k] / 2 + t * (c2 / 3 + t * c3 / 4)));
    };
    sum += antiderivative(hi - x[k]) - antiderivative(lo - x[k]);
  }
  return sum;
}

}  // namespace tgvc
