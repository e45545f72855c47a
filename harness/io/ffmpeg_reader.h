// Any container and codec FFmpeg reads (mp4, avi, mkv, mpg, ...), decoded single-threaded.
//
// Pixel format mapping (decoded format -> ours; frames converted with swscale when they differ):
//   YUV with more than 8 bits, 4:4:4          -> 10-bit 4:4:4 (12/16-bit sources are reduced)
//   YUV with more than 8 bits, 4:2:0 or 4:2:2 -> 10-bit 4:2:0
//   YUV with 8 bits (any chroma format)        -> 8-bit 4:2:0
//   RGB and palettes (PNG, RGB video)          -> RGB 4:4:4, 8-bit when the source has at most 8
//                                                 bits, else 16-bit (rgb48 PNG, gbrp10/12 scaled)
//   grey (PNG, gray video, 1 to 16 bits)       -> RGB 4:4:4 with R = G = B, 8 or 16 bits as above
// Alpha is dropped (not blended): an RGBA or grey+alpha PNG is read as its colour samples.
// Colour matrix from the stream: BT470BG, SMPTE170M, FCC -> BT.601; BT709 -> BT.709; unspecified
// -> BT.601 when the height is below 720, else BT.709; any other (BT.2020, SMPTE240M, ...) is
// labelled BT.709, the nearest the harness represents. Range: full for AVCOL_RANGE_JPEG and yuvj
// formats, else limited; conversion keeps the source range. An RGB video's ColourSpec is the
// conversion used when something later needs YUV (a codec's input, a luma-only metric): BT.601
// below 720 lines, else BT.709, limited range. Its samples are never converted on reading.
// Frame rate: the stream's avg_frame_rate, else r_frame_rate. Frames come in decode output
// (presentation) order, one per decoded picture; timestamps are not used to drop or repeat
// frames. Should the size change mid-stream, later frames are scaled to the first frame's size.
#pragma once

#include <memory>
#include <string>

#include "harness/core/frame.h"
#include "harness/io/frame_reader.h"
#include "harness/io/video_reader.h"

namespace tgvc {

// Reads `range` frames of `path`; decoding stops once the range's last frame is read. Throws
// InputError naming the file when FFmpeg cannot open or decode it and for a range past the end.
Video read_ffmpeg(const std::string& path, FrameRange range = {});
// The same, frame by frame (frame_reader.h): opening decodes up to the range's first frame, which
// gives the video's format.
std::unique_ptr<FrameReader> open_ffmpeg(const std::string& path, FrameRange range = {});

}  // namespace tgvc
