// convert_pixel_format (declared in resize.h): bit depth and chroma grid changes, done here
// rather than by swscale so that the rounding is stated and round trips are exact.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "harness/core/error.h"
#include "harness/io/read_checks.h"
#include "harness/io/resize.h"

namespace tgvc {
namespace {

int shift_x(ChromaFormat chroma) {
  return chroma == ChromaFormat::k444 ? 0 : 1;
}
int shift_y(ChromaFormat chroma) {
  return chroma == ChromaFormat::k420 ? 1 : 0;
}

// Chroma plane `p` of `frame` on the grid of `target`: each target sample is the rounded mean of
// the source samples at the luma positions it covers (repetition when the target grid is finer).
Plane regrid_chroma(const Frame& frame, int p, ChromaFormat target) {
  const ChromaFormat source = frame.format.chroma;
  const Plane& in = frame.planes[p];
  Plane out;
  out.width = chroma_width(frame.width(), target);
  out.height = chroma_height(frame.height(), target);
  out.samples.resize(static_cast<size_t>(out.width) * out.height);
  const int tx = shift_x(target), ty = shift_y(target), sx = shift_x(source), sy = shift_y(source);
  for (int y = 0; y < out.height; ++y) {
    const int y_end = std::min(frame.height(), (y + 1) << ty);
    for (int x = 0; x < out.width; ++x) {
      const int x_end = std::min(frame.width(), (x + 1) << tx);
      int sum = 0, n = 0;
      for (int ly = y << ty; ly < y_end; ++ly) {
        for (int lx = x << tx; lx < x_end; ++lx, ++n) sum += in.at(lx >> sx, ly >> sy);
      }
      out.at(x, y) = static_cast<uint16_t>((sum + n / 2) / n);
    }
  }
  return out;
}

// One sample from `from` to `to` bits. Limited range (and every plane of it) shifts; full range
// scales luma by (2^to - 1) / (2^from - 1) and chroma about its midpoint, rounded half up.
uint16_t requantise(int value, int from, int to, bool full_range, bool chroma) {
  if (from == to) return static_cast<uint16_t>(value);
  const int max_to = (1 << to) - 1;
  if (!full_range) {
    const int shifted = to > from ? value << (to - from) : (value + (1 << (from - to - 1))) >> (from - to);
    return static_cast<uint16_t>(std::min(shifted, max_to));
  }
  const int max_from = (1 << from) - 1;
  const int offset_from = chroma ? 1 << (from - 1) : 0, offset_to = chroma ? 1 << (to - 1) : 0;
  const int centred = value - offset_from;
  // Rounded (centred * max_to / max_from), half away from zero, then re-centred.
  const int magnitude = (std::abs(centred) * 2 * max_to + max_from) / (2 * max_from);
  return static_cast<uint16_t>(std::clamp(offset_to + (centred < 0 ? -magnitude : magnitude), 0, max_to));
}

void change_depth(Frame& frame, int bit_depth, Range range) {
  for (int p = 0; p < 3; ++p) {
    for (uint16_t& v : frame.planes[p].samples) {
      v = requantise(v, frame.format.bit_depth, bit_depth, range == Range::kFull, p > 0);
    }
  }
  frame.format.bit_depth = bit_depth;
}

void change_chroma(Frame& frame, ChromaFormat chroma) {
  if (frame.format.chroma == chroma) return;
  Plane u = regrid_chroma(frame, 1, chroma), v = regrid_chroma(frame, 2, chroma);
  frame.planes[1] = std::move(u);
  frame.planes[2] = std::move(v);
  frame.format.chroma = chroma;
}

}  // namespace

Video convert_pixel_format(const Video& video, PixelFormat target) {
  const PixelFormat source = video.info.format;
  if (source.family != ColourFamily::kYuv || target.family != ColourFamily::kYuv) {
    throw InputError("pixel format conversion", "YUV source and target formats", "RGB");
  }
  check_pixel_format("pixel format conversion source", source);
  check_pixel_format("pixel format conversion target", target);
  Video converted;
  converted.info = video.info;
  converted.info.format = target;
  converted.frames.reserve(video.frames.size());
  const Range range = video.info.colour.range;
  for (const Frame& input : video.frames) {
    Frame frame = input;
    if (target.bit_depth > source.bit_depth) change_depth(frame, target.bit_depth, range);
    change_chroma(frame, target.chroma);
    if (target.bit_depth < source.bit_depth) change_depth(frame, target.bit_depth, range);
    converted.frames.push_back(std::move(frame));
  }
  return converted;
}

}  // namespace tgvc
