// What the video-reader fuzz targets derive from an input byte and check of every frame read.
#pragma once

#include <cstddef>
#include <cstdint>

#include "harness/core/frame.h"
#include "harness/io/video_reader.h"

namespace tgvc_fuzz {

// Start 0..3 and count -1..2 (-1: to the end; 0 is invalid and must be refused).
inline tgvc::FrameRange range_from(uint8_t byte) {
  return {byte & 3, ((byte >> 2) & 3) - 1};
}

// Planes of the stated geometry and format, and samples within the bit depth.
inline bool frame_matches(const tgvc::Frame& frame, const tgvc::PixelFormat& format, int width, int height) {
  const tgvc::Plane& luma = frame.planes[0];
  if (frame.format != format || luma.width != width || luma.height != height) return false;
  for (const tgvc::Plane& plane : frame.planes) {
    if (plane.samples.size() != static_cast<size_t>(plane.width) * plane.height) return false;
    for (uint16_t sample : plane.samples) {
      if (sample > frame.max_value()) return false;
    }
  }
  return true;
}

}  // namespace tgvc_fuzz
