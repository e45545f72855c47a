#include "harness/io/sws_picture.h"

extern "C" {
#include <libavutil/imgutils.h>
#include <libavutil/mem.h>
}

#include <cstring>

#include "harness/core/error.h"

namespace tgvc {
namespace {

// FFmpeg's planar RGB is G, B, R; ours is R, G, B.
int av_plane(PixelFormat format, int plane) {
  static constexpr int kRgbPlane[3] = {2, 0, 1};
  return format.family == ColourFamily::kRgb ? kRgbPlane[plane] : plane;
}

int chroma_shift_x(PixelFormat format) {
  return format.chroma == ChromaFormat::k444 ? 0 : 1;
}
int chroma_shift_y(PixelFormat format) {
  return format.chroma == ChromaFormat::k420 ? 1 : 0;
}

}  // namespace

AVPixelFormat av_pixel_format(PixelFormat format) {
  const bool wide = format.bit_depth > 8;
  if (format.family == ColourFamily::kRgb) {
    switch (format.bit_depth) {
      case 8:
        return AV_PIX_FMT_GBRP;
      case 10:
        return AV_PIX_FMT_GBRP10;
      case 16:
        return AV_PIX_FMT_GBRP16;
      default:
        return AV_PIX_FMT_NONE;
    }
  }
  switch (format.chroma) {
    case ChromaFormat::k420:
      return wide ? AV_PIX_FMT_YUV420P10 : AV_PIX_FMT_YUV420P;
    case ChromaFormat::k422:
      return wide ? AV_PIX_FMT_YUV422P10 : AV_PIX_FMT_YUV422P;
    case ChromaFormat::k444:
      return wide ? AV_PIX_FMT_YUV444P10 : AV_PIX_FMT_YUV444P;
  }
  return AV_PIX_FMT_NONE;
}

Frame frame_from_planes(const uint8_t* const data[], const int linesize[], int x, int y, int w, int h,
                        PixelFormat format) {
  Frame frame = Frame::allocate(w, h, format);
  for (int p = 0; p < 3; ++p) {
    Plane& plane = frame.planes[p];
    const int px = p == 0 || format.family == ColourFamily::kRgb ? x : x >> chroma_shift_x(format);
    const int py = p == 0 || format.family == ColourFamily::kRgb ? y : y >> chroma_shift_y(format);
    const int q = av_plane(format, p);
    for (int row = 0; row < plane.height; ++row) {
      const uint8_t* source = data[q] + static_cast<ptrdiff_t>(py + row) * linesize[q];
      uint16_t* target = plane.row(row);
      if (format.bit_depth > 8) {
        std::memcpy(target, source + 2 * px, sizeof(uint16_t) * plane.width);
      } else {
        for (int col = 0; col < plane.width; ++col) target[col] = source[px + col];
      }
    }
  }
  return frame;
}

Picture::Picture(int width, int height, PixelFormat format) : format_(format) {
  if (av_image_alloc(data_, linesize_, width, height, av_pixel_format(format), 64) < 0) {
    throw Error("av_image_alloc failed for a picture");
  }
}

Picture::Picture(const Frame& frame) : Picture(frame.width(), frame.height(), frame.format) {
  for (int p = 0; p < 3; ++p) {
    const Plane& plane = frame.planes[p];
    const int q = av_plane(format_, p);
    for (int row = 0; row < plane.height; ++row) {
      uint8_t* target = data_[q] + static_cast<ptrdiff_t>(row) * linesize_[q];
      if (format_.bit_depth > 8) {
        std::memcpy(target, plane.row(row), sizeof(uint16_t) * plane.width);
      } else {
        for (int col = 0; col < plane.width; ++col) target[col] = static_cast<uint8_t>(plane.row(row)[col]);
      }
    }
  }
}

Picture::~Picture() {
  av_freep(&data_[0]);
}

}  // namespace tgvc
