#include "harness/metrics/metric_input.h"

#include "harness/core/error.h"
#include "harness/metrics/metric.h"

namespace tgvc {
namespace {

std::string plane_text(const Plane& p) {
  return std::to_string(p.width) + "x" + std::to_string(p.height) + " with " +
         std::to_string(p.samples.size()) + " samples";
}

}  // namespace

void check_frame_inputs(const VideoInfo& ref, const VideoInfo& dist) {
  const auto describe = [](const VideoInfo& v) {
    return std::to_string(v.width) + "x" + std::to_string(v.height) +
           (v.format.family == ColourFamily::kRgb ? " RGB " : " YUV ") + to_string(v.format.chroma) + " " +
           std::to_string(v.format.bit_depth) + "-bit";
  };
  if (ref.width != dist.width || ref.height != dist.height || ref.format != dist.format) {
    throw InputError("distorted video", "the reference's " + describe(ref), describe(dist));
  }
  const int depth = ref.format.bit_depth;
  if (depth < 1 || depth > 16) {
    throw InputError("reference video", "a bit depth in 1..16", std::to_string(depth));
  }
  if (ref.format.family == ColourFamily::kRgb && ref.format.chroma != ChromaFormat::k444) {
    throw InputError("reference video", "RGB samples in 4:4:4",
                     std::string("RGB in ") + to_string(ref.format.chroma));
  }
}

void check_metric_inputs(const Video& ref, const Video& dist) {
  check_comparable(ref, dist);
  check_frame_inputs(ref.info, dist.info);
  for (int f = 0; f < ref.frame_count(); ++f) {
    for (int p = 0; p < 3; ++p) {
      const Plane& a = ref.frames[f].planes[p];
      const Plane& b = dist.frames[f].planes[p];
      const int width = p == 0 ? ref.info.width : chroma_width(ref.info.width, ref.info.format.chroma);
      const int height = p == 0 ? ref.info.height : chroma_height(ref.info.height, ref.info.format.chroma);
      const size_t area = static_cast<size_t>(width) * height;
      if (a.width != width || a.height != height || a.samples.size() != area) {
        throw InputError("reference video, frame " + std::to_string(f) + " plane " + std::to_string(p),
                         std::to_string(width) + "x" + std::to_string(height) + " with " +
                             std::to_string(area) + " samples (the video's geometry)",
                         plane_text(a));
      }
      if (b.width != a.width || b.height != a.height || b.samples.size() != area) {
        throw InputError("distorted video, frame " + std::to_string(f) + " plane " + std::to_string(p),
                         "the reference's " + plane_text(a), plane_text(b));
      }
    }
  }
}

void check_comparable(const Video& ref, const Video& dist) {
  const auto describe = [](const Video& v) {
    return std::to_string(v.info.width) + "x" + std::to_string(v.info.height) +
           (v.info.format.family == ColourFamily::kRgb ? " RGB " : " YUV ") +
           to_string(v.info.format.chroma) + " " + std::to_string(v.info.format.bit_depth) + "-bit, " +
           std::to_string(v.frame_count()) + " frames";
  };
  if (ref.info.width != dist.info.width || ref.info.height != dist.info.height ||
      ref.info.format != dist.info.format || ref.frame_count() != dist.frame_count()) {
    throw InputError("distorted video", "the reference's " + describe(ref), describe(dist));
  }
}

}  // namespace tgvc
