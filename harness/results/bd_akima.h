// Akima slopes for BD metrics: a local interpolant that follows the data without overshooting at
// isolated outliers the way a global cubic does.
#pragma once

#include <vector>

namespace tgvc {

// Slopes as scipy.interpolate.Akima1DInterpolator (method "akima") computes them: the secants are
// extended by two on each side by linear extrapolation; each point's slope weights its two
// neighbouring secants by the change of the secants on the far side; where both changes vanish
// (relative to 1e-9 of the largest), the mean of the outer two secants. Two points: the
// straight line. Requires x strictly increasing and at least 2 points.
std::vector<double> akima_slopes(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace tgvc
