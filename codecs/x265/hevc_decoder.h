// HEVC decoding with libavcodec's native decoder: independent of the x265 encoder.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

// Decodes an Annex-B HEVC elementary stream (split into access units by libavcodec's hevc
// parser; one decoder thread) into frames of `info`'s geometry and pixel format, in display
// order. Throws InputError (where = `where`) when the stream is corrupt, its pictures do not
// have `info`'s geometry or format, or it does not hold exactly `frame_count` pictures; Error
// when libavcodec itself fails (no HEVC decoder, out of memory).
Video decode_hevc_annexb(const std::vector<uint8_t>& stream, const VideoInfo& info, int frame_count,
                         const std::string& where);

}  // namespace tgvc
