// Limits and checks shared by the video readers, so every reader rejects the same bad input
// with the same words before it allocates anything.
#pragma once

#include <cstdint>
#include <string>

#include "harness/core/frame.h"
#include "harness/io/video_reader.h"

namespace tgvc {

// Largest accepted width or height: larger values in a header are taken as corrupt.
inline constexpr int kMaxVideoDimension = 16384;
// Largest amount of sample memory (uint16 planes) one read may hold; a larger read must use a
// smaller frame range. Compressed input can expand without bound, so this also caps FFmpeg reads.
inline constexpr int64_t kMaxVideoSampleBytes = int64_t{8} << 30;

// Throws InputError unless 1 <= width, height <= kMaxVideoDimension. Odd sizes are valid in every
// chroma format: subsampled chroma planes round up (chroma_width/chroma_height), as FFmpeg's do.
void check_geometry(const std::string& where, int width, int height);

// Throws InputError unless the format is one the harness handles: YUV at 8 or 10 bits, RGB (4:4:4)
// at 8, 10 or 16 bits.
void check_pixel_format(const std::string& where, PixelFormat format);

// Throws InputError unless start >= 0 and count is -1 or positive.
void check_frame_range(const std::string& where, FrameRange range);

// The number of frames to read from a file of `available` frames: the range's count, or the
// rest of the file for count -1. Throws InputError for an empty file, a start at or past the end
// or a count that runs past the end.
int resolve_frame_count(const std::string& where, FrameRange range, int64_t available);

// Throws InputError when the frames read so far plus one more would exceed kMaxVideoSampleBytes.
void check_sample_budget(const std::string& where, int64_t frames_held, const VideoInfo& info);

// Sample memory of one frame of `info`, in bytes of uint16 planes.
int64_t frame_sample_bytes(const VideoInfo& info);

}  // namespace tgvc
