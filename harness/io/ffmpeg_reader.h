// Any container and codec FFmpeg reads (mp4, avi, mkv, mpg, ...), decoded single-threaded.
//
// Pixel format mapping (decoded format -> ours; frames converted with swscale when they differ):
//   YUV with more than 8 bits, 4:4:4          -> 10-bit 4:4:4 (12/16-bit sources are reduced)
//   YUV with more than 8 bits, 4:2:0 or 4:2:2 -> 10-bit 4:2:0
//   everything else (8-bit YUV, RGB, grey, palettes, any bit depth of RGB) -> 8-bit 4:2:0
// Colour matrix from the stream: BT470BG, SMPTE170M, FCC -> BT.601; BT709 -> BT.709; unspecified
// -> BT.601 when the height is below 720, else BT.709; any other (BT.2020, SMPTE240M, ...) is
// labelled BT.709, the nearest the harness represents. Range: full for AVCOL_RANGE_JPEG and yuvj
// formats, else limited; conversion keeps the source range. RGB sources are converted to YUV with
// the matrix above, limited range.
// Frame rate: the stream's avg_frame_rate, else r_frame_rate. Frames come in decode output
// (presentation) order, one per decoded picture; timestamps are not used to drop or repeat
// frames. Should the size change mid-stream, later frames are scaled to the first frame's size.
#pragma once

#include <string>

#include "harness/core/frame.h"
#include "harness/io/video_reader.h"

namespace tgvc {

// Reads `range` frames of `path`; decoding stops once the range's last frame is read. Throws
// InputError naming the file when FFmpeg cannot open or decode it, for odd 4:2:0 geometry and
// for a range past the end.
Video read_ffmpeg(const std::string& path, FrameRange range = {});

}  // namespace tgvc
