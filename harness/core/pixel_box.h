// A rectangle of pixels, for code that works on part of a frame.
#pragma once

#include <algorithm>

namespace tgvc {

// Pixels [x0, x1) x [y0, y1); empty when x0 >= x1 or y0 >= y1.
struct PixelBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x0 >= x1 || y0 >= y1; }
};

// `box` grown by `by` pixels on every side (0: as it is), clipped to a width x height frame.
inline PixelBox grown(const PixelBox& box, int by, int width, int height) {
  return {std::max(box.x0 - by, 0), std::max(box.y0 - by, 0), std::min(box.x1 + by, width),
          std::min(box.y1 + by, height)};
}

}  // namespace tgvc
