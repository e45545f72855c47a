// A layer's support mask: values in [0, 1] over a frame, 0 outside a box. A clip may have dozens
// of layers, each covering a small part of the frame, so only the box grown by one pixel is
// stored: that rim of zeros is what bilinear reads anywhere outside the box take (their taps are
// clamped to it), so every read gives the value the whole-frame mask would give.
#pragma once

#include <algorithm>
#include <vector>

#include "codecs/tgvc/generate/plane_sampling.h"
#include "harness/core/pixel_box.h"

namespace tgvc {

class SupportMask {
 public:
  SupportMask() = default;
  // A width x height frame's mask, 0 everywhere; values may be set within `box` (clipped to the
  // frame).
  SupportMask(int width, int height, const PixelBox& box)
      : width_(width), height_(height), box_(grown(box, 0, width, height)) {
    if (box_.empty()) {
      box_ = {};
      return;
    }
    stored_ = grown(box_, 1, width, height);
    stride_ = stored_.x1 - stored_.x0;
    values_.assign(static_cast<size_t>(stride_) * (stored_.y1 - stored_.y0), 0.0f);
  }

  int width() const { return width_; }
  int height() const { return height_; }
  // Where values may be nonzero; empty for an all-zero mask.
  const PixelBox& box() const { return box_; }

  // The value at pixel (x, y) of the frame, for x in [0, width), y in [0, height).
  float at(int x, int y) const {
    return box_.empty() ? 0.0f : values_[static_cast<size_t>(stored_row(y)) * stride_ + stored_column(x)];
  }
  // Pixel (x, y) within box().
  float& at_in_box(int x, int y) {
    return values_[static_cast<size_t>(y - stored_.y0) * stride_ + (x - stored_.x0)];
  }

  // FloatImage::samples_near() of the whole-frame mask.
  bool samples_near(double x, double y) const {
    const double u = x - 0.5, v = y - 0.5;
    return (u >= -1) & (v >= -1) & (u <= width_) & (v <= height_);
  }
  // FloatImage::read() of the whole-frame mask, with taps of the frame's size.
  double read(const BilinearTap& t) const {
    return (at(t.x0, t.y0) * (1 - t.fx) + at(t.x1, t.y0) * t.fx) * (1 - t.fy) +
           (at(t.x0, t.y1) * (1 - t.fx) + at(t.x1, t.y1) * t.fx) * t.fy;
  }
  // FloatImage::sample() of the whole-frame mask.
  double sample(double x, double y) const {
    return samples_near(x, y) ? read(bilinear_tap(width_, height_, x - 0.5, y - 0.5)) : 0;
  }

 private:
  // A frame column or row outside the stored one lies beyond its rim of zeros, which gives its value.
  int stored_column(int x) const { return std::clamp(x, stored_.x0, stored_.x1 - 1) - stored_.x0; }
  int stored_row(int y) const { return std::clamp(y, stored_.y0, stored_.y1 - 1) - stored_.y0; }

  int width_ = 0;
  int height_ = 0;
  PixelBox box_;     // values are 0 outside it
  PixelBox stored_;  // box_ grown by one pixel, clipped to the frame
  int stride_ = 0;
  std::vector<float> values_;  // row-major over stored_
};

}  // namespace tgvc
