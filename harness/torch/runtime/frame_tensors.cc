#include "harness/torch/runtime/frame_tensors.h"

#include <string>

#include "harness/core/colour.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

void check_planes(const Video& v, const std::string& name) {
  const VideoInfo& i = v.info;
  if (i.format.bit_depth < 1 || i.format.bit_depth > 16) {
    throw InputError(name, "a bit depth in 1..16", std::to_string(i.format.bit_depth));
  }
  if (i.format.family == ColourFamily::kRgb && i.format.chroma != ChromaFormat::k444) {
    throw InputError(name, "RGB samples in 4:4:4", "RGB with subsampled planes");
  }
  for (int f = 0; f < v.frame_count(); ++f) {
    for (int p = 0; p < 3; ++p) {
      const Plane& plane = v.frames[f].planes[p];
      const int w = p == 0 ? i.width : chroma_width(i.width, i.format.chroma);
      const int h = p == 0 ? i.height : chroma_height(i.height, i.format.chroma);
      if (plane.width != w || plane.height != h || plane.samples.size() != static_cast<size_t>(w) * h) {
        throw InputError(name + ", frame " + std::to_string(f) + " plane " + std::to_string(p),
                         std::to_string(w) + "x" + std::to_string(h) + " samples (the video's geometry)",
                         std::to_string(plane.width) + "x" + std::to_string(plane.height));
      }
    }
  }
}

}  // namespace

void check_learned_inputs(const Video& ref, const Video& dist) {
  if (ref.info.width != dist.info.width || ref.info.height != dist.info.height ||
      ref.info.format != dist.info.format || ref.frame_count() != dist.frame_count()) {
    throw InputError("distorted video", "the reference's geometry, format and frame count",
                     std::to_string(dist.info.width) + "x" + std::to_string(dist.info.height) + ", " +
                         std::to_string(dist.frame_count()) + " frames");
  }
  if (ref.info.width <= 0 || ref.info.height <= 0) {
    throw InputError("reference video", "a positive width and height", "an empty picture");
  }
  check_planes(ref, "reference video");
  check_planes(dist, "distorted video");
}

at::Tensor rgb_frames(const Video& video, int first, int count) {
  const int w = video.info.width;
  const int h = video.info.height;
  at::Tensor out = at::empty({count, 3, h, w}, at::kFloat);
  float* dst = out.data_ptr<float>();
  const float scale = 1.0f / static_cast<float>((1 << video.info.format.bit_depth) - 1);
  const size_t area = static_cast<size_t>(w) * h;
  for (int f = 0; f < count; ++f) {
    const Frame& src = video.frames[static_cast<size_t>(first + f)];
    const Frame rgb =
        video.info.format.family == ColourFamily::kRgb ? src : yuv_to_rgb(src, video.info.colour);
    for (int c = 0; c < 3; ++c) {
      const uint16_t* s = rgb.planes[c].samples.data();
      float* d = dst + (static_cast<size_t>(f) * 3 + c) * area;
      for (size_t i = 0; i < area; ++i) d[i] = static_cast<float>(s[i]) * scale;
    }
  }
  return out;
}

}  // namespace tgvc
