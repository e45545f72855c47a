#include "codecs/learned/learned_frames.h"

#include <algorithm>
#include <cmath>

#include "harness/core/colour.h"

namespace tgvc::learned {
namespace {

// Where padded position p (0 <= p < padded) reads from a source of `size` samples placed at
// `start`: -1 for a zero, else the source index (reflection without repeating the edge, as
// torch's "reflect" mode; beyond one reflection the mirror repeats, where torch refuses).
int source_index(int p, int start, int size, Padding padding) {
  const int i = p - start;
  if (i >= 0 && i < size) return i;
  if (padding == Padding::kCentredZero) return -1;
  if (size == 1) return 0;
  const int period = 2 * (size - 1);
  const int m = ((i % period) + period) % period;
  return m < size ? m : period - m;
}

int start_of(int size, int padded, Padding padding) {
  return padding == Padding::kCentredZero ? (padded - size) / 2 : 0;
}

}  // namespace

int padded_size(int size, int multiple) {
  return (size + multiple - 1) / multiple * multiple;
}

Planes frame_to_planes(const Frame& frame, ColourSpec colour, Padding padding, int multiple) {
  const Frame rgb = frame.format.family == ColourFamily::kRgb ? frame : yuv_to_rgb(frame, colour);
  const int w = rgb.width();
  const int h = rgb.height();
  Planes out;
  out.channels = 3;
  out.width = padded_size(w, multiple);
  out.height = padded_size(h, multiple);
  out.values.assign(3 * out.plane_size(), 0.0f);
  const float max = static_cast<float>(rgb.max_value());
  const int x0 = start_of(w, out.width, padding);
  const int y0 = start_of(h, out.height, padding);
  for (int c = 0; c < 3; ++c) {
    float* plane = out.values.data() + c * out.plane_size();
    for (int y = 0; y < out.height; ++y) {
      const int sy = source_index(y, y0, h, padding);
      if (sy < 0) continue;
      const uint16_t* row = rgb.planes[c].row(sy);
      for (int x = 0; x < out.width; ++x) {
        const int sx = source_index(x, x0, w, padding);
        if (sx >= 0) plane[static_cast<size_t>(y) * out.width + x] = static_cast<float>(row[sx]) / max;
      }
    }
  }
  return out;
}

Frame planes_to_frame(const Planes& image, int width, int height, Padding padding, PixelFormat format,
                      ColourSpec colour) {
  PixelFormat rgb_format{ChromaFormat::k444, format.bit_depth, ColourFamily::kRgb};
  Frame rgb = Frame::allocate(width, height, rgb_format);
  const int x0 = start_of(width, image.width, padding);
  const int y0 = start_of(height, image.height, padding);
  const float max = static_cast<float>(rgb.max_value());
  for (int c = 0; c < 3; ++c) {
    const float* plane = image.values.data() + c * image.plane_size();
    for (int y = 0; y < height; ++y) {
      uint16_t* row = rgb.planes[c].row(y);
      const float* in = plane + static_cast<size_t>(y + y0) * image.width + x0;
      for (int x = 0; x < width; ++x) {
        const float v = std::clamp(in[x], 0.0f, 1.0f);
        row[x] = static_cast<uint16_t>(std::lround(v * max));
      }
    }
  }
  if (format.family == ColourFamily::kRgb) return rgb;
  return rgb_to_yuv(rgb, colour, format.chroma, format.bit_depth);
}

}  // namespace tgvc::learned
