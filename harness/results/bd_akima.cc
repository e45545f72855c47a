#include "harness/results/bd_akima.h"

#include <algorithm>
#include <cmath>

#include "harness/results/bd_hermite.h"

namespace tgvc {

std::vector<double> akima_slopes(const std::vector<double>& x, const std::vector<double>& y) {
  const std::vector<double> secants = secant_slopes(x, y);
  const size_t n = x.size();
  if (n == 2) return {secants[0], secants[0]};
  // e[j + 2] = secant j; two extrapolated secants on each side.
  std::vector<double> e(n + 3);
  std::copy(secants.begin(), secants.end(), e.begin() + 2);
  e[1] = 2 * e[2] - e[3];
  e[0] = 2 * e[1] - e[2];
  e[n + 1] = 2 * e[n] - e[n - 1];
  e[n + 2] = 2 * e[n + 1] - e[n];
  std::vector<double> far_right(n), far_left(n);
  double largest = 0;
  for (size_t i = 0; i < n; ++i) {
    far_right[i] = std::fabs(e[i + 3] - e[i + 2]);
    far_left[i] = std::fabs(e[i + 1] - e[i]);
    largest = std::max(largest, far_right[i] + far_left[i]);
  }
  std::vector<double> d(n);
  for (size_t i = 0; i < n; ++i) {
    const double weights = far_right[i] + far_left[i];
    if (weights > 1e-9 * largest) {
      d[i] = (far_right[i] * e[i + 1] + far_left[i] * e[i + 2]) / weights;
    } else {
      // Undefined slope (e[i] == e[i+1] and e[i+2] == e[i+3]): scipy's fill value.
      d[i] = 0.5 * (e[i] + e[i + 3]);
    }
  }
  return d;
}

}  // namespace tgvc
