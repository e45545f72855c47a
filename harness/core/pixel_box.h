// A rectangle of pixels, for code that works on part of a frame.
#pragma once

namespace tgvc {

// Pixels [x0, x1) x [y0, y1); empty when x0 >= x1 or y0 >= y1.
struct PixelBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x0 >= x1 || y0 >= y1; }
};

}  // namespace tgvc
