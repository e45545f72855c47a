// PNG stills (through libavcodec's PNG encoder) for the report's visual strip.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

// An RGB PNG of a frame with `png_bits` (8 or 16) bits per sample. YUV is converted with `colour`
// (yuv_to_rgb). Samples are rescaled, rounded, from the frame's peak to the PNG's (255 or 65535):
// an RGB frame's peak is 2^depth - 1 (16-bit RGB to a 16-bit PNG is exact, 8-bit to 16-bit
// multiplies by 257), a converted YUV frame's is 255 << (depth - 8) (10-bit to 8-bit is
// (v + 2) >> 2). Any frame size, odd ones included. Deterministic bytes for the same frame.
// Throws Error when the encoder fails.
std::vector<uint8_t> encode_png(const Frame& frame, ColourSpec colour, int png_bits = 8);

// encode_png written atomically to `path`.
void write_png(const std::string& path, const Frame& frame, ColourSpec colour, int png_bits = 8);

}  // namespace tgvc
