// PNG stills (through libavcodec's PNG encoder) for the report's visual strip.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

// 8-bit RGB PNG of a frame: YUV is converted with `colour`, higher bit depths are rounded to 8
// bits. Deterministic bytes for the same frame. Throws Error when the encoder fails.
std::vector<uint8_t> encode_png(const Frame& frame, ColourSpec colour);

// encode_png written atomically to `path`.
void write_png(const std::string& path, const Frame& frame, ColourSpec colour);

}  // namespace tgvc
