// Bilinear reads of planes and float images, shared by the warp generator's parts.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

// Bilinear read of a plane at sample coordinates (u, v) (sample centres at integers), clamped to
// the edge.
inline double bilinear(const Plane& plane, double u, double v) {
  u = std::clamp(u, 0.0, static_cast<double>(plane.width - 1));
  v = std::clamp(v, 0.0, static_cast<double>(plane.height - 1));
  const int x0 = static_cast<int>(u), y0 = static_cast<int>(v);
  const int x1 = std::min(x0 + 1, plane.width - 1), y1 = std::min(y0 + 1, plane.height - 1);
  const double fx = u - x0, fy = v - y0;
  const uint16_t* r0 = plane.row(y0);
  const uint16_t* r1 = plane.row(y1);
  return (r0[x0] * (1 - fx) + r0[x1] * fx) * (1 - fy) + (r1[x0] * (1 - fx) + r1[x1] * fx) * fy;
}

// floor(v) as an int within [lo, hi]; safe for any double (NaN gives lo).
inline int clamped_floor(double v, int lo, int hi) {
  if (!(v > lo)) return lo;
  if (v >= hi) return hi;
  return static_cast<int>(std::floor(v));
}

// A float image, one value per luma sample (masks, cost maps).
struct FloatImage {
  int width = 0;
  int height = 0;
  std::vector<float> values;  // row-major

  FloatImage() = default;
  FloatImage(int w, int h, float fill = 0) : width(w), height(h), values(static_cast<size_t>(w) * h, fill) {}
  float& at(int x, int y) { return values[static_cast<size_t>(y) * width + x]; }
  float at(int x, int y) const { return values[static_cast<size_t>(y) * width + x]; }
  bool empty() const { return values.empty(); }

  // The value of the pixel containing continuous position (x, y); 0 outside. Cheaper than
  // sample() for smooth (feathered) masks.
  float nearest(double x, double y) const {
    if (!(x >= 0 && y >= 0 && x < width && y < height)) return 0;
    return values[static_cast<size_t>(y) * width + static_cast<size_t>(x)];
  }

  // Bilinear at continuous image coordinates (pixel (i, j) covers [i, i+1) x [j, j+1)); 0 outside.
  double sample(double x, double y) const {
    const double u = x - 0.5, v = y - 0.5;
    if (empty() || u < -1 || v < -1 || u > width || v > height) return 0;
    const double cu = std::clamp(u, 0.0, static_cast<double>(width - 1));
    const double cv = std::clamp(v, 0.0, static_cast<double>(height - 1));
    const int x0 = static_cast<int>(cu), y0 = static_cast<int>(cv);
    const int x1 = std::min(x0 + 1, width - 1), y1 = std::min(y0 + 1, height - 1);
    const double fx = cu - x0, fy = cv - y0;
    return (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) +
           (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
  }
};

}  // namespace tgvc
