// AV1 decoding with dav1d: independent of the libaom encoder.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

// Decodes a low-overhead AV1 OBU stream, fed to dav1d one temporal unit at a time (one thread,
// no frame delay, frame size limited to `info`'s), into frames of `info`'s geometry and format.
// Throws InputError (where = `where`) when the stream is malformed or corrupt, its pictures do
// not match `info`, or it does not hold exactly `frame_count` shown frames; Error when dav1d
// itself fails (out of memory).
Video decode_av1_dav1d(const std::vector<uint8_t>& stream, const VideoInfo& info, int frame_count,
                       const std::string& where);

}  // namespace tgvc
