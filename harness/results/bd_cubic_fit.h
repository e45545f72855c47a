// VCEG-M33's curve model for BD metrics: the least-squares cubic polynomial through the points.
#pragma once

#include <array>
#include <vector>

namespace tgvc {

// p(x) = c[0] + c[1] t + c[2] t^2 + c[3] t^3 with t = (x - centre) / scale: the centred, scaled
// variable keeps the fit well conditioned whatever the units of x.
struct CubicFit {
  double centre = 0;
  double scale = 1;
  std::array<double, 4> c{};
};

// Least squares over all points (exact for 4). Requires x.size() == y.size() and at least 4
// distinct x values (callers check; asserted here).
CubicFit fit_cubic(const std::vector<double>& x, const std::vector<double>& y);

// Exact integral of the fitted polynomial over [a, b].
double integrate_cubic(const CubicFit& fit, double a, double b);

}  // namespace tgvc
