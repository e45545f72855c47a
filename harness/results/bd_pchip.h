// PCHIP slopes for BD metrics: the shape-preserving piecewise-cubic Hermite interpolant.
#pragma once

#include <vector>

namespace tgvc {

// Fritsch-Carlson slopes as scipy.interpolate.PchipInterpolator computes them: a weighted harmonic
// mean of the neighbouring secants inside (0 at a local extremum), the three-point one-sided
// formula at the ends (limited so the curve does not overshoot). Two points: the straight line.
// Requires x strictly increasing and at least 2 points.
std::vector<double> pchip_slopes(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace tgvc
