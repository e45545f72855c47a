#include "harness/results/bd_pchip.h"

#include <cmath>

#include "harness/results/bd_hermite.h"

namespace tgvc {
namespace {

int sign(double v) {
  return (v > 0) - (v < 0);
}

// One-sided slope at an end from its two nearest intervals (h0, m0 the outer one).
double end_slope(double h0, double h1, double m0, double m1) {
  const double d = ((2 * h0 + h1) * m0 - h0 * m1) / (h0 + h1);
  if (sign(d) != sign(m0)) return 0;
  if (sign(m0) != sign(m1) && std::fabs(d) > 3 * std::fabs(m0)) return 3 * m0;
  return d;
}

}  // namespace

std::vector<double> pchip_slopes(const std::vector<double>& x, const std::vector<double>& y) {
  const std::vector<double> m = secant_slopes(x, y);
  const size_t n = x.size();
  if (n == 2) return {m[0], m[0]};
  std::vector<double> h(n - 1);
  for (size_t i = 0; i + 1 < n; ++i) h[i] = x[i + 1] - x[i];
  std::vector<double> d(n);
  for (size_t k = 1; k + 1 < n; ++k) {
    if (m[k - 1] == 0 || m[k] == 0 || sign(m[k - 1]) != sign(m[k])) {
      d[k] = 0;  // local extremum or flat: a zero slope keeps the curve monotone
      continue;
    }
    const double w1 = 2 * h[k] + h[k - 1];
    const double w2 = h[k] + 2 * h[k - 1];
    d[k] = (w1 + w2) / (w1 / m[k - 1] + w2 / m[k]);
  }
  d[0] = end_slope(h[0], h[1], m[0], m[1]);
  d[n - 1] = end_slope(h[n - 2], h[n - 3], m[n - 2], m[n - 3]);
  return d;
}

}  // namespace tgvc
