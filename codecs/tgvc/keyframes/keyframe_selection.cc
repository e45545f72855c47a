#include "codecs/tgvc/keyframes/keyframe_selection.h"

#include <algorithm>
#include <cassert>

namespace tgvc {

std::vector<int> select_keyframes(const std::vector<Embedding>& e, const KeyframeParams& params) {
  assert(params.window >= 1 && params.max_distance >= 1);
  const int n = static_cast<int>(e.size());
  std::vector<int> keys;
  if (n == 0) return keys;
  keys.push_back(0);
  int candidate = -1;
  double candidate_similarity = 2;  // above any cosine
  const auto commit = [&](int frame) {
    if (frame > keys.back()) keys.push_back(frame);
    candidate = -1;
    candidate_similarity = 2;
  };
  for (int t = 1; t < n; ++t) {
    if (cosine_similarity(e[t - 1], e[t]) < params.cut_threshold) {
      commit(t - 1);
      commit(t);
    } else {
      const int last = keys.back();
      if (t - last <= params.max_distance) {
        const double s = cosine_similarity(e[last], e[t]);
        if (s < candidate_similarity) {
          candidate_similarity = s;
          candidate = t;
        }
      }
      if (t == n - 1) break;
      const bool window_end = (t + 1) % params.window == 0;
      const bool next_too_far = t + 1 - keys.back() > params.max_distance;
      if (window_end || next_too_far) commit(candidate >= 0 ? candidate : t);
    }
  }
  if (keys.back() != n - 1) keys.push_back(n - 1);
  return keys;
}

}  // namespace tgvc
