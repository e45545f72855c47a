#include "harness/tracking/luma_image.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "harness/core/error.h"

namespace tgvc {
namespace {

void check_plane(const Plane& plane, int width, int height, const std::string& where) {
  if (plane.width != width || plane.height != height ||
      plane.samples.size() != static_cast<size_t>(width) * height) {
    throw InputError(where, "a " + std::to_string(width) + "x" + std::to_string(height) + " plane",
                     std::to_string(plane.width) + "x" + std::to_string(plane.height) + " with " +
                         std::to_string(plane.samples.size()) + " samples");
  }
}

uint8_t to_8bit(double value, double scale) {
  return static_cast<uint8_t>(std::clamp(value * scale + 0.5, 0.0, 255.0));
}

}  // namespace

cv::Mat luma_image(const Frame& frame, Matrix matrix, const std::string& where) {
  const int width = frame.width();
  const int height = frame.height();
  if (width < 1 || height < 1) {
    throw InputError(where, "a frame of at least 1x1", std::to_string(width) + "x" + std::to_string(height));
  }
  if (frame.format.bit_depth < 8 || frame.format.bit_depth > 16) {
    throw InputError(where, "bit depth 8..16", std::to_string(frame.format.bit_depth));
  }
  const double scale = 255.0 / frame.max_value();
  cv::Mat luma(height, width, CV_8UC1);
  if (frame.format.family == ColourFamily::kYuv) {
    check_plane(frame.planes[0], width, height, where);
    // One entry per sample value, each to_8bit's own result: the same bytes at a table look-up
    // per sample.
    std::vector<uint8_t> table(static_cast<size_t>(frame.max_value()) + 1);
    for (size_t v = 0; v < table.size(); ++v) table[v] = to_8bit(static_cast<double>(v), scale);
    const uint16_t top = static_cast<uint16_t>(table.size() - 1);
    for (int y = 0; y < height; ++y) {
      const uint16_t* in = frame.planes[0].row(y);
      uint8_t* out = luma.ptr<uint8_t>(y);
      for (int x = 0; x < width; ++x) out[x] = table[std::min(in[x], top)];
    }
    return luma;
  }
  for (const Plane& plane : frame.planes) check_plane(plane, width, height, where);
  const double kr = matrix == Matrix::kBt601 ? 0.299 : 0.2126;
  const double kb = matrix == Matrix::kBt601 ? 0.114 : 0.0722;
  const double kg = 1.0 - kr - kb;
  for (int y = 0; y < height; ++y) {
    const uint16_t* r = frame.planes[0].row(y);
    const uint16_t* g = frame.planes[1].row(y);
    const uint16_t* b = frame.planes[2].row(y);
    uint8_t* out = luma.ptr<uint8_t>(y);
    for (int x = 0; x < width; ++x) out[x] = to_8bit(kr * r[x] + kg * g[x] + kb * b[x], scale);
  }
  return luma;
}

std::vector<cv::Mat> clip_lumas(const Video& clip) {
  std::vector<cv::Mat> lumas;
  lumas.reserve(clip.frames.size());
  for (int i = 0; i < clip.frame_count(); ++i) {
    const Frame& frame = clip.frames[i];
    const std::string where = "tracked clip frame " + std::to_string(i);
    if (frame.width() != clip.frames[0].width() || frame.height() != clip.frames[0].height()) {
      throw InputError(where,
                       "the size of frame 0 (" + std::to_string(clip.frames[0].width()) + "x" +
                           std::to_string(clip.frames[0].height()) + ")",
                       std::to_string(frame.width()) + "x" + std::to_string(frame.height()));
    }
    lumas.push_back(luma_image(frame, clip.info.colour.matrix, where));
  }
  return lumas;
}

}  // namespace tgvc
