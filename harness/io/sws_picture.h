// Our frames as FFmpeg pictures: the AVPixelFormat of a PixelFormat, planar buffers in swscale's
// layout, and copies between the two. Used by the FFmpeg reader and by resize.
#pragma once

#include <memory>

extern "C" {
#include <libavutil/pixfmt.h>
#include <libswscale/swscale.h>
}

#include "harness/core/frame.h"

namespace tgvc {

// yuv420p/yuv422p/yuv444p, their native-endian 10-bit forms, gbrp, gbrp10 and gbrp16 for RGB
// (AV_PIX_FMT_NONE for another depth).
AVPixelFormat av_pixel_format(PixelFormat format);

// Copies the w x h window at (x, y) of a planar picture into a new frame. x and y must be
// multiples of the chroma subsampling. 8-bit formats hold bytes, others native uint16 words.
Frame frame_from_planes(const uint8_t* const data[], const int linesize[], int x, int y, int w, int h,
                        PixelFormat format);

// A planar picture that owns 64-byte aligned buffers.
class Picture {
 public:
  Picture(int width, int height, PixelFormat format);
  explicit Picture(const Frame& frame);  // a copy of the frame's samples
  ~Picture();
  Picture(const Picture&) = delete;
  Picture& operator=(const Picture&) = delete;

  uint8_t* const* data() const { return data_; }
  const int* linesize() const { return linesize_; }
  // The w x h window at (x, y) as a frame.
  Frame crop(int x, int y, int w, int h) const {
    return frame_from_planes(data_, linesize_, x, y, w, h, format_);
  }

 private:
  PixelFormat format_;
  uint8_t* data_[4] = {};
  int linesize_[4] = {};
};

struct SwsContextDeleter {
  void operator()(SwsContext* context) const { sws_freeContext(context); }
};
using SwsContextPtr = std::unique_ptr<SwsContext, SwsContextDeleter>;

// Flags every conversion uses: bit-exact, accurately rounded results on any CPU.
inline constexpr int kDeterministicSwsFlags = SWS_ACCURATE_RND | SWS_BITEXACT;

}  // namespace tgvc
