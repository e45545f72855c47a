// Helpers shared by the synthetic generator tests: sub-pixel luma sampling and frame statistics
// computed independently of the generator's internals.
#pragma once

#include "harness/core/frame.h"

namespace tgvc::testing {

// Bilinear luma at continuous coordinates (pixel (i, j) has its centre at (i+0.5, j+0.5)),
// clamped at the borders.
double luma_at(const Frame& frame, double x, double y);

// Mean |difference| of two frames' luma planes.
double mean_luma_difference(const Frame& a, const Frame& b);

// Standard deviation of the luma plane.
double luma_deviation(const Frame& frame);

// Variance of the horizontal and vertical first differences of luma after `levels` 2x2 mean
// downsamplings: how much structure the picture has at that scale.
double difference_variance(const Frame& frame, int levels);

}  // namespace tgvc::testing
