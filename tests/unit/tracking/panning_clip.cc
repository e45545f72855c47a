#include "tests/unit/tracking/panning_clip.h"

#include "harness/core/lcg.h"

namespace tgvc {

std::vector<uint8_t> texture(int width, int height, uint32_t seed) {
  Lcg lcg(seed);
  std::vector<double> value(static_cast<size_t>(width) * height, 0);
  for (int cell : {3, 7, 17}) {
    const int gw = width / cell + 2, gh = height / cell + 2;
    std::vector<double> grid(static_cast<size_t>(gw) * gh);
    for (double& g : grid) g = lcg.uniform();
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x) {
        const double fx = static_cast<double>(x) / cell, fy = static_cast<double>(y) / cell;
        const int ix = static_cast<int>(fx), iy = static_cast<int>(fy);
        const double ax = fx - ix, ay = fy - iy;
        const double v = grid[iy * gw + ix] * (1 - ax) * (1 - ay) + grid[iy * gw + ix + 1] * ax * (1 - ay) +
                         grid[(iy + 1) * gw + ix] * (1 - ax) * ay + grid[(iy + 1) * gw + ix + 1] * ax * ay;
        value[static_cast<size_t>(y) * width + x] += v;
      }
    }
  }
  std::vector<uint8_t> out(value.size());
  for (size_t i = 0; i < value.size(); ++i) out[i] = static_cast<uint8_t>(16 + 70 * value[i]);
  return out;
}

Video panning_clip(int width, int height, int frames, int dx, int dy, int tex_width,
                   const std::vector<uint8_t>& tex, int bit_depth) {
  Video clip;
  clip.info.width = width;
  clip.info.height = height;
  clip.info.format = {ChromaFormat::k420, bit_depth, ColourFamily::kYuv};
  const int scale = bit_depth == 16 ? 257 : 1;
  for (int k = 0; k < frames; ++k) {
    Frame f = Frame::allocate(width, height, clip.info.format, static_cast<uint16_t>(128 * scale));
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x) {
        f.planes[0].at(x, y) =
            static_cast<uint16_t>(tex[static_cast<size_t>(y + k * dy) * tex_width + x + k * dx] * scale);
      }
    }
    clip.frames.push_back(std::move(f));
  }
  return clip;
}

}  // namespace tgvc
