// Planar frames as stored in Y4M and raw .yuv files: Y, U, V planes one after another, one byte
// per sample at 8 bits, one little-endian 16-bit word per sample above 8 bits.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

// Bytes one stored frame of this geometry takes.
int64_t stored_frame_bytes(int width, int height, PixelFormat format);

// Unpacks one stored frame (`bytes` holds exactly stored_frame_bytes). Throws InputError naming
// `where` when a sample exceeds the bit depth's maximum (a 10-bit file with garbage high bits).
Frame unpack_frame(const uint8_t* bytes, int width, int height, PixelFormat format, const std::string& where);
// The same into *frame, whose planes are reused when they already have this geometry and format.
void unpack_frame_into(const uint8_t* bytes, int width, int height, PixelFormat format,
                       const std::string& where, Frame* frame);

// Appends the stored form of `frame` to `out`.
void pack_frame(const Frame& frame, std::vector<uint8_t>& out);

}  // namespace tgvc
