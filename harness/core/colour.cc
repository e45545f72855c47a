#include "harness/core/colour.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace tgvc {
namespace {

struct Coefficients {
  double kr;
  double kb;
};

Coefficients coefficients(Matrix matrix) {
  return matrix == Matrix::kBt601 ? Coefficients{0.299, 0.114} : Coefficients{0.2126, 0.0722};
}

// Scale and offsets that map normalised Y' in [0,1] and Cb/Cr in [-0.5,0.5] to code values.
struct Quantiser {
  double y_scale, y_offset, c_scale, c_offset, max;
};

Quantiser quantiser(Range range, int bit_depth) {
  const double s = std::ldexp(1.0, bit_depth - 8);
  const double max = std::ldexp(1.0, bit_depth) - 1;
  if (range == Range::kLimited) return {219 * s, 16 * s, 224 * s, 128 * s, max};
  return {max, 0, max, 128 * s, max};
}

uint16_t to_code(double v, double max) {
  return static_cast<uint16_t>(std::clamp(std::lround(v), 0L, static_cast<long>(max)));
}

int chroma_shift_x(ChromaFormat c) { return c == ChromaFormat::k444 ? 0 : 1; }
int chroma_shift_y(ChromaFormat c) { return c == ChromaFormat::k420 ? 1 : 0; }

}  // namespace

Frame yuv_to_rgb(const Frame& yuv, ColourSpec spec) {
  assert(yuv.format.family == ColourFamily::kYuv);
  const Coefficients k = coefficients(spec.matrix);
  const Quantiser q = quantiser(spec.range, yuv.format.bit_depth);
  const int sx = chroma_shift_x(yuv.format.chroma);
  const int sy = chroma_shift_y(yuv.format.chroma);
  const double kg = 1 - k.kr - k.kb;
  Frame rgb = Frame::allocate(yuv.width(), yuv.height(),
                              {ChromaFormat::k444, yuv.format.bit_depth, ColourFamily::kRgb});
  for (int y = 0; y < yuv.height(); ++y) {
    for (int x = 0; x < yuv.width(); ++x) {
      const double luma = (yuv.planes[0].at(x, y) - q.y_offset) / q.y_scale;
      const double cb = (yuv.planes[1].at(x >> sx, y >> sy) - q.c_offset) / q.c_scale;
      const double cr = (yuv.planes[2].at(x >> sx, y >> sy) - q.c_offset) / q.c_scale;
      const double r = luma + 2 * (1 - k.kr) * cr;
      const double b = luma + 2 * (1 - k.kb) * cb;
      const double g = (luma - k.kr * r - k.kb * b) / kg;
      rgb.planes[0].at(x, y) = to_code(r * q.max, q.max);
      rgb.planes[1].at(x, y) = to_code(g * q.max, q.max);
      rgb.planes[2].at(x, y) = to_code(b * q.max, q.max);
    }
  }
  return rgb;
}

Frame rgb_to_yuv(const Frame& rgb, ColourSpec spec, ChromaFormat chroma) {
  assert(rgb.format.family == ColourFamily::kRgb);
  const Coefficients k = coefficients(spec.matrix);
  const Quantiser q = quantiser(spec.range, rgb.format.bit_depth);
  const int w = rgb.width();
  const int h = rgb.height();
  Frame yuv = Frame::allocate(w, h, {chroma, rgb.format.bit_depth, ColourFamily::kYuv});
  const int sx = chroma_shift_x(chroma);
  const int sy = chroma_shift_y(chroma);
  const double kg = 1 - k.kr - k.kb;
  // Full-resolution normalised chroma, averaged down afterwards.
  std::vector<double> cb(static_cast<size_t>(w) * h), cr(cb.size());
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const double r = rgb.planes[0].at(x, y) / q.max;
      const double g = rgb.planes[1].at(x, y) / q.max;
      const double b = rgb.planes[2].at(x, y) / q.max;
      const double luma = k.kr * r + kg * g + k.kb * b;
      yuv.planes[0].at(x, y) = to_code(q.y_offset + q.y_scale * luma, q.max);
      cb[static_cast<size_t>(y) * w + x] = (b - luma) / (2 * (1 - k.kb));
      cr[static_cast<size_t>(y) * w + x] = (r - luma) / (2 * (1 - k.kr));
    }
  }
  for (int cy = 0; cy < yuv.planes[1].height; ++cy) {
    for (int cx = 0; cx < yuv.planes[1].width; ++cx) {
      double sum_b = 0, sum_r = 0;
      int n = 0;
      for (int y = cy << sy; y < std::min(h, (cy + 1) << sy); ++y) {
        for (int x = cx << sx; x < std::min(w, (cx + 1) << sx); ++x) {
          sum_b += cb[static_cast<size_t>(y) * w + x];
          sum_r += cr[static_cast<size_t>(y) * w + x];
          ++n;
        }
      }
      yuv.planes[1].at(cx, cy) = to_code(q.c_offset + q.c_scale * sum_b / n, q.max);
      yuv.planes[2].at(cx, cy) = to_code(q.c_offset + q.c_scale * sum_r / n, q.max);
    }
  }
  return yuv;
}

Video to_rgb(const Video& video) {
  if (video.info.format.family == ColourFamily::kRgb) return video;
  Video out;
  out.info = video.info;
  out.info.format = {ChromaFormat::k444, video.info.format.bit_depth, ColourFamily::kRgb};
  out.frames.reserve(video.frames.size());
  for (const Frame& f : video.frames) out.frames.push_back(yuv_to_rgb(f, video.info.colour));
  return out;
}

}  // namespace tgvc
