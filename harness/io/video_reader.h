// Reading videos: Y4M, raw YUV with stated geometry, and any container FFmpeg reads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

// Frames [start, start + count). A range is never shortened silently: a start at or past the end,
// or a count that runs past the end, is an InputError that says how many frames the file has.
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

// Reads `range` frames of `path`. An image sequence (a folder of numbered PNGs or a pattern such as
// frame_%05d.png; image_sequence.h) is read frame by frame, at `raw->fps` when `raw` is given
// (its other fields are ignored), else at 30 fps. Otherwise the reader is chosen by extension
// (case-insensitive): .y4m (y4m_reader.h), .yuv (raw_yuv_reader.h, needs `raw`; ignored
// otherwise), anything else through libavformat (ffmpeg_reader.h, which documents the pixel
// format and colour mapping). Widths and
// heights above 16384 are refused, and one read holds at most 8 GiB of samples (read_checks.h).
// Throws InputError naming the file and what was expected (missing file, wrong size, truncated
// data, unknown format, range past the end of the file). Odd sizes are read in every chroma
// format, subsampled chroma rounded up as FFmpeg does.
Video read_video(const std::string& path, FrameRange range = {},
                 const std::optional<RawVideoFormat>& raw = std::nullopt);

// Every file that read_video(path) reads, in frame order: the files of an image sequence, else
// `path` itself. For cache keys, which must change when any of them changes. Throws InputError
// as image_sequence_files() does for a broken sequence.
std::vector<std::string> input_files(const std::string& path);

}  // namespace tgvc
