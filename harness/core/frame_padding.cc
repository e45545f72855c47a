#include "harness/core/frame_padding.h"

#include <algorithm>
#include <cassert>

namespace tgvc {
namespace {

// Copies the overlap of `from` into `to` and repeats the last column and row of `from` into
// the rest of `to` (a no-op beyond the overlap when `to` is not larger).
void copy_replicating_edges(const Plane& from, Plane& to) {
  assert(from.width > 0 && from.height > 0);
  for (int y = 0; y < to.height; ++y) {
    const uint16_t* src = from.row(std::min(y, from.height - 1));
    uint16_t* dst = to.row(y);
    const int copied = std::min(from.width, to.width);
    std::copy(src, src + copied, dst);
    std::fill(dst + copied, dst + to.width, src[from.width - 1]);
  }
}

Frame resized_frame(const Frame& frame, int width, int height) {
  Frame out = Frame::allocate(width, height, frame.format);
  for (int p = 0; p < 3; ++p) copy_replicating_edges(frame.planes[p], out.planes[p]);
  return out;
}

}  // namespace

Frame pad_frame(const Frame& frame, int width, int height) {
  assert(width >= frame.width() && height >= frame.height());
  return resized_frame(frame, width, height);
}

Frame crop_frame(const Frame& frame, int width, int height) {
  assert(width <= frame.width() && height <= frame.height());
  return resized_frame(frame, width, height);
}

namespace {

// Every frame through `frame_to_size`, the video's geometry updated.
template <typename FrameToSize>
Video each_frame_to(const Video& video, int width, int height, FrameToSize frame_to_size) {
  Video out;
  out.info = video.info;
  out.info.width = width;
  out.info.height = height;
  out.frames.reserve(video.frames.size());
  for (const Frame& f : video.frames) out.frames.push_back(frame_to_size(f, width, height));
  return out;
}

}  // namespace

Video pad_video(const Video& video, int width, int height) {
  return each_frame_to(video, width, height, pad_frame);
}

Video crop_video(const Video& video, int width, int height) {
  return each_frame_to(video, width, height, crop_frame);
}

PictureSize whole_chroma_size(int width, int height, ChromaFormat chroma) {
  const auto even = [](int v) { return v + (v & 1); };
  return {chroma == ChromaFormat::k444 ? width : even(width),
          chroma == ChromaFormat::k420 ? even(height) : height};
}

}  // namespace tgvc
