// Photo-consistency between two keyframes: how well a pixel of one matches a position in the
// other, and box means of such differences. The warp generator uses it to find objects' supports
// and which parts of a keyframe follow the camera.
#pragma once

#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

// Colour difference (8-bit units, luma plus half of each chroma difference) between `key` at
// luma pixel (x, y) and `other` at continuous position (ox, oy); NaN when (ox, oy) is outside.
double colour_difference(const Frame& key, const Frame& other, int x, int y, double ox, double oy);

// Box mean of the finite values of `v` (w x h) with half size r; NaN where none is finite.
std::vector<double> box_mean(const std::vector<double>& v, int w, int h, int r);

}  // namespace tgvc
