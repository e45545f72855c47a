#include "harness/io/sample_packing.h"

#include <fmt/format.h>

#include "harness/core/error.h"

namespace tgvc {
namespace {

int bytes_per_sample(PixelFormat format) {
  return format.bit_depth > 8 ? 2 : 1;
}

}  // namespace

int64_t stored_frame_bytes(int width, int height, PixelFormat format) {
  const int64_t luma = int64_t{width} * height;
  const int64_t chroma = int64_t{chroma_width(width, format.chroma)} * chroma_height(height, format.chroma);
  return (luma + 2 * chroma) * bytes_per_sample(format);
}

Frame unpack_frame(const uint8_t* bytes, int width, int height, PixelFormat format,
                   const std::string& where) {
  Frame frame;
  unpack_frame_into(bytes, width, height, format, where, &frame);
  return frame;
}

void unpack_frame_into(const uint8_t* bytes, int width, int height, PixelFormat format,
                       const std::string& where, Frame* out) {
  const bool reusable = out->format == format && out->width() == width && out->height() == height &&
                        out->planes[1].width == chroma_width(width, format.chroma) &&
                        out->planes[1].height == chroma_height(height, format.chroma);
  if (!reusable) *out = Frame::allocate(width, height, format);
  Frame& frame = *out;
  const uint16_t max_value = static_cast<uint16_t>(frame.max_value());
  for (int p = 0; p < 3; ++p) {
    std::vector<uint16_t>& samples = frame.planes[p].samples;
    if (bytes_per_sample(format) == 1) {
      for (size_t i = 0; i < samples.size(); ++i) samples[i] = bytes[i];
      bytes += samples.size();
      continue;
    }
    for (size_t i = 0; i < samples.size(); ++i) {
      const uint16_t value = static_cast<uint16_t>(bytes[2 * i] | (bytes[2 * i + 1] << 8));
      if (value > max_value) {
        throw InputError(where, fmt::format("{}-bit samples (at most {})", format.bit_depth, max_value),
                         fmt::format("{} in plane {} at sample {}", value, p, i));
      }
      samples[i] = value;
    }
    bytes += 2 * samples.size();
  }
}

void pack_frame(const Frame& frame, std::vector<uint8_t>& out) {
  const bool wide = bytes_per_sample(frame.format) == 2;
  for (const Plane& plane : frame.planes) {
    for (uint16_t value : plane.samples) {
      out.push_back(static_cast<uint8_t>(value & 0xff));
      if (wide) out.push_back(static_cast<uint8_t>(value >> 8));
    }
  }
}

}  // namespace tgvc
