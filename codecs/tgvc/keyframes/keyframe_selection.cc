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
  const int min_gap = std::min(params.min_gap, params.max_distance);
  for (int t = 1; t < n; ++t) {
    if (cosine_similarity(e[t - 1], e[t]) < params.cut_threshold) {
      commit(t - 1);
      commit(t);
      continue;
    }
    const int last = keys.back();
    const bool eligible = t - last >= min_gap && t - last <= params.max_distance && n - 1 - t >= min_gap;
    if (eligible) {
      const double s = cosine_similarity(e[last], e[t]);
      if (s < candidate_similarity) {
        candidate_similarity = s;
        candidate = t;
      }
    }
    if (t == n - 1) break;
    if (t + 1 - last > params.max_distance) {
      commit(candidate >= 0 ? candidate : t);
    } else if ((t + 1) % params.window == 0 && candidate >= 0) {
      commit(candidate);
    }
  }
  if (keys.back() != n - 1) keys.push_back(n - 1);
  return keys;
}

}  // namespace tgvc
