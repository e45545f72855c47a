// Reading videos: Y4M, raw YUV with stated geometry, and any container FFmpeg reads.
#pragma once

#include <optional>
#include <string>

#include "harness/core/frame.h"

namespace tgvc {

struct FrameRange {
  int start = 0;
  int count = -1;  // -1: to the end of the file
};

// Geometry and format of a headerless .yuv file, which the file itself cannot tell.
struct RawVideoFormat {
  int width = 0;
  int height = 0;
  PixelFormat format;  // 4:2:0 8-bit unless stated; 10-bit samples are little-endian 16-bit words
  Rational fps;
  ColourSpec colour;
};

// Reads `range` frames of `path`. The reader is chosen by extension: .y4m, .yuv (needs `raw`),
// anything else through libavformat. Throws InputError naming the file and what was expected
// (missing file, wrong size, truncated data, unknown format, odd 4:2:0 geometry, range past
// the end of the file).
Video read_video(const std::string& path, FrameRange range = {},
                 const std::optional<RawVideoFormat>& raw = std::nullopt);

}  // namespace tgvc
