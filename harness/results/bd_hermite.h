// Piecewise-cubic Hermite curves (the PCHIP and Akima models of BD metrics) and their exact
// integral. The two methods differ only in the slopes they give each point.
#pragma once

#include <vector>

namespace tgvc {

// Integral over [a, b] of the piecewise cubic through (x[i], y[i]) with derivative slopes[i].
// Requires x strictly increasing, x.front() <= a <= b <= x.back(), equal sizes, at least 2 points.
double integrate_hermite(const std::vector<double>& x, const std::vector<double>& y,
                         const std::vector<double>& slopes, double a, double b);

// Secant slopes (y[i+1] - y[i]) / (x[i+1] - x[i]), one per interval.
std::vector<double> secant_slopes(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace tgvc
