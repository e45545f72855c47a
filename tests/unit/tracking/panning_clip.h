// Hand-made clips with exactly known motion for the tracker tests: a smooth random texture seen
// through a window that pans by whole pixels.
#pragma once

#include <cstdint>
#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

// A smooth random texture: three octaves of bilinearly interpolated noise (cells of 3, 7, 17 px),
// samples in 16..226, seeded.
std::vector<uint8_t> texture(int width, int height, uint32_t seed);

// `frames` frames (4:2:0, grey chroma) of a width x height window moving over `tex` (tex_width
// wide) by (dx, dy) whole pixels per frame: frame k shows texel (x + k*dx, y + k*dy) at pixel
// (x, y), so a point seen at p in frame j is at p - (k - j) * (dx, dy) in frame k, exactly.
Video panning_clip(int width, int height, int frames, int dx, int dy, int tex_width,
                   const std::vector<uint8_t>& tex, int bit_depth = 8);

// The pan most tracker tests use: 160x96, 8 frames, (2, 1) px per frame.
struct Panning {
  int width = 160, height = 96, frames = 8, dx = 2, dy = 1;
  int tex_width = 200, tex_height = 120;
  std::vector<uint8_t> tex = texture(200, 120, 5);
  Video clip(int bit_depth = 8) const {
    return panning_clip(width, height, frames, dx, dy, tex_width, tex, bit_depth);
  }
};

}  // namespace tgvc
