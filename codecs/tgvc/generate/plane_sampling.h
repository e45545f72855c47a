// Bilinear reads of planes and float images, shared by the warp generator's parts.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

// Where a bilinear read of a width x height plane at sample coordinates (u, v) (sample centres at
// integers, clamped to the edge) takes its four samples, and their weights. Apart from the read
// itself, so that loops over many positions can compute these first, vectorised (axis by axis:
// the helpers below have no branch).
struct BilinearTap {
  int x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  double fx = 0, fy = 0;
};
// std::clamp(u, 0, size - 1) in two selects.
inline double clamped_coordinate(double u, int size) {
  const double last = size - 1;
  u = u < 0 ? 0 : u;
  return u > last ? last : u;
}
// The sample after i on an axis of `size` samples, the last one repeated.
inline int next_sample(int i, int size) {
  return i + 1 < size ? i + 1 : size - 1;
}
inline BilinearTap bilinear_tap(int width, int height, double u, double v) {
  u = clamped_coordinate(u, width);
  v = clamped_coordinate(v, height);
  BilinearTap tap;
  tap.x0 = static_cast<int>(u);
  tap.y0 = static_cast<int>(v);
  tap.x1 = next_sample(tap.x0, width);
  tap.y1 = next_sample(tap.y0, height);
  tap.fx = u - tap.x0;
  tap.fy = v - tap.y0;
  return tap;
}
inline double bilinear_read(const Plane& plane, const BilinearTap& t) {
  const uint16_t* r0 = plane.row(t.y0);
  const uint16_t* r1 = plane.row(t.y1);
  return (r0[t.x0] * (1 - t.fx) + r0[t.x1] * t.fx) * (1 - t.fy) +
         (r1[t.x0] * (1 - t.fx) + r1[t.x1] * t.fx) * t.fy;
}

// Bilinear read of a plane at sample coordinates (u, v) (sample centres at integers), clamped to
// the edge.
inline double bilinear(const Plane& plane, double u, double v) {
  return bilinear_read(plane, bilinear_tap(plane.width, plane.height, u, v));
}

// x / s, as a multiplication where s is a power of two (luma's 1, 4:2:0 chroma's 2 at even sizes):
// the same value, without a division per sample.
struct Divider {
  double s = 1, inverse = 1;
  bool power_of_two = true;
  explicit Divider(double scale) : s(scale), inverse(1 / scale) {
    int exponent = 0;
    power_of_two = std::frexp(scale, &exponent) == 0.5;
  }
  double operator()(double x) const { return power_of_two ? x * inverse : x / s; }
};

// Whether (x, y) lies in a width x height frame, edges included. Without a branch, so that loops
// over it vectorise.
inline bool inside_frame(double x, double y, double width, double height) {
  return (x >= 0) & (y >= 0) & (x <= width) & (y <= height);
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
  float nearest(double x, double y) const { return at_index(nearest_index(x, y)); }
  // The index of that pixel in `values`, -1 outside (an image of fewer than 2^31 values). Without
  // a branch, so that loops over it vectorise.
  int nearest_index(double x, double y) const {
    const bool on = (x >= 0) & (y >= 0) & (x < width) & (y < height);
    return on ? static_cast<int>(on ? y : 0) * width + static_cast<int>(on ? x : 0) : -1;
  }
  // values[i], 0 for i = -1.
  float at_index(int i) const { return i < 0 ? 0 : values[i]; }

  // Bilinear at continuous image coordinates (pixel (i, j) covers [i, i+1) x [j, j+1)); 0 outside.
  double sample(double x, double y) const {
    return samples_near(x, y) ? read(bilinear_tap(width, height, x - 0.5, y - 0.5)) : 0;
  }
  // Whether sample() reads the image at (x, y): within a pixel of it (else 0). Without a branch.
  bool samples_near(double x, double y) const {
    const double u = x - 0.5, v = y - 0.5;
    return !empty() & (u >= -1) & (v >= -1) & (u <= width) & (v <= height);
  }
  double read(const BilinearTap& t) const {
    return (at(t.x0, t.y0) * (1 - t.fx) + at(t.x1, t.y0) * t.fx) * (1 - t.fy) +
           (at(t.x0, t.y1) * (1 - t.fx) + at(t.x1, t.y1) * t.fx) * t.fy;
  }
};

}  // namespace tgvc
