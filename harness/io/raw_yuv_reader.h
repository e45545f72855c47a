// Headerless planar YUV (.yuv): the geometry, format, frame rate and colour come from the caller.
// 10-bit samples are little-endian 16-bit words.
#pragma once

#include <memory>
#include <string>

#include "harness/core/frame.h"
#include "harness/io/frame_reader.h"
#include "harness/io/video_reader.h"

namespace tgvc {

// Reads `range` frames of `path` laid out as `format` says. Throws InputError when the format is
// invalid, or the file size is not a multiple of the frame size (naming the expected frame size
// and the size found), or the range runs past the end.
Video read_raw_yuv(const std::string& path, const RawVideoFormat& format, FrameRange range = {});
// The same, frame by frame (frame_reader.h); every check above is made on opening.
std::unique_ptr<FrameReader> open_raw_yuv(const std::string& path, const RawVideoFormat& format,
                                          FrameRange range = {});

}  // namespace tgvc
