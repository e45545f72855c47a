#include "harness/io/read_checks.h"

#include <fmt/format.h>

#include "harness/core/error.h"

namespace tgvc {

void check_geometry(const std::string& where, int width, int height) {
  const auto in_range = [](int v) { return v >= 1 && v <= kMaxVideoDimension; };
  if (!in_range(width) || !in_range(height)) {
    throw InputError(where, fmt::format("width and height in [1, {}]", kMaxVideoDimension),
                     fmt::format("{}x{}", width, height));
  }
}

void check_pixel_format(const std::string& where, PixelFormat format) {
  const bool rgb = format.family == ColourFamily::kRgb;
  if (format.bit_depth != 8 && format.bit_depth != 10 && !(rgb && format.bit_depth == 16)) {
    throw InputError(where, rgb ? "a bit depth of 8, 10 or 16 for RGB" : "a bit depth of 8 or 10 for YUV",
                     std::to_string(format.bit_depth));
  }
  if (format.family == ColourFamily::kRgb && format.chroma != ChromaFormat::k444) {
    throw InputError(where, "RGB as 4:4:4", fmt::format("RGB {}", to_string(format.chroma)));
  }
}

void check_frame_range(const std::string& where, FrameRange range) {
  if (range.start < 0 || range.count == 0 || range.count < -1) {
    throw InputError(where + " frame range", "start >= 0 and count >= 1 (or -1 for all)",
                     fmt::format("start {}, count {}", range.start, range.count));
  }
}

int resolve_frame_count(const std::string& where, FrameRange range, int64_t available) {
  check_frame_range(where, range);
  if (available <= 0) throw InputError(where, "at least one frame", "no frames");
  if (range.start >= available) {
    throw InputError(where + " frame range", fmt::format("a start frame below {}", available),
                     fmt::format("start {} ({} frames in the file)", range.start, available));
  }
  const int64_t rest = available - range.start;
  if (range.count == -1) return static_cast<int>(rest);
  if (range.count > rest) {
    throw InputError(where + " frame range",
                     fmt::format("frames {}..{}", range.start, int64_t{range.start} + range.count - 1),
                     fmt::format("only {} frames in the file", available));
  }
  return range.count;
}

int64_t frame_sample_bytes(const VideoInfo& info) {
  const int64_t luma = int64_t{info.width} * info.height;
  const int64_t chroma =
      int64_t{chroma_width(info.width, info.format.chroma)} * chroma_height(info.height, info.format.chroma);
  return (luma + 2 * chroma) * static_cast<int64_t>(sizeof(uint16_t));
}

void check_sample_budget(const std::string& where, int64_t frames_held, const VideoInfo& info) {
  const int64_t per_frame = frame_sample_bytes(info);
  if ((frames_held + 1) * per_frame > kMaxVideoSampleBytes) {
    throw InputError(where,
                     fmt::format("at most {} GiB of decoded frames (read a smaller frame range)",
                                 kMaxVideoSampleBytes >> 30),
                     fmt::format("more than {} frames of {}x{}", frames_held, info.width, info.height));
  }
}

}  // namespace tgvc
