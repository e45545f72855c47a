// YUV4MPEG2 (.y4m) reader: 8- and 10-bit 4:2:0, 4:2:2 and 4:4:4 (header tags: y4m_header.h).
// 10-bit samples are little-endian 16-bit words. Colour: BT.709, limited range unless the header
// says XCOLORRANGE=FULL (Y4M has no matrix tag).
#pragma once

#include <memory>
#include <string>

#include "harness/core/frame.h"
#include "harness/io/frame_reader.h"
#include "harness/io/video_reader.h"

namespace tgvc {

// Reads `range` frames. FRAME headers may carry parameters, so frame offsets cannot be computed:
// frames before the range are skipped one by one without being kept. Throws InputError naming the
// file (and the frame) for a bad header, a truncated frame or a range past the end.
Video read_y4m(const std::string& path, FrameRange range = {});
// The same, frame by frame (frame_reader.h): the header is read and the frames before the range
// skipped on opening.
std::unique_ptr<FrameReader> open_y4m(const std::string& path, FrameRange range = {});

}  // namespace tgvc
