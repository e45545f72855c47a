#include "codecs/tgvc/blend_interpolation.h"

#include <cassert>

namespace tgvc {

Video blend_between_keyframes(const Video& keyframes, const std::vector<int>& indices, int frame_count) {
  assert(keyframes.frame_count() == static_cast<int>(indices.size()) && !indices.empty());
  Video out;
  out.info = keyframes.info;
  out.frames.reserve(static_cast<size_t>(frame_count));
  for (size_t k = 0; k + 1 < indices.size(); ++k) {
    const Frame& a = keyframes.frames[k];
    const Frame& b = keyframes.frames[k + 1];
    const int span = indices[k + 1] - indices[k];
    out.frames.push_back(a);
    for (int step = 1; step < span; ++step) {
      Frame f = a;
      for (int p = 0; p < 3; ++p) {
        std::vector<uint16_t>& s = f.planes[p].samples;
        const std::vector<uint16_t>& sb = b.planes[p].samples;
        for (size_t i = 0; i < s.size(); ++i) {
          s[i] = static_cast<uint16_t>(((span - step) * s[i] + step * sb[i] + span / 2) / span);
        }
      }
      out.frames.push_back(std::move(f));
    }
  }
  out.frames.push_back(keyframes.frames.back());
  return out;
}

}  // namespace tgvc
