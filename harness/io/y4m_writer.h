// YUV4MPEG2 writer: 8- or 10-bit YUV, 4:2:0, 4:2:2 or 4:4:4 (10-bit as little-endian words).
#pragma once

#include <string>

#include "harness/core/frame.h"

namespace tgvc {

// Writes `video` to `path` with W, H, F, Ip, A1:1, C and XCOLORRANGE tags (the matrix is not
// stored: Y4M has no tag for it). The data goes to a temporary file in the same directory that is
// renamed over `path` when complete, so a crash never leaves a partial file. Throws InputError for
// RGB video, another bit depth, frames that disagree with video.info or samples above the bit
// depth, and Error when the file cannot be written.
void write_y4m(const std::string& path, const Video& video);

}  // namespace tgvc
