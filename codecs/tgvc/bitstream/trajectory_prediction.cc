#include "codecs/tgvc/bitstream/trajectory_model.h"

#include <algorithm>
#include <cassert>

namespace tgvc {
namespace {

// num / den rounded half away from zero; den > 0.
int64_t divide_rounded(int64_t num, int64_t den) {
  return num >= 0 ? (num + den / 2) / den : -((-num + den / 2) / den);
}

// Visible steps the velocity is averaged over, by predictor (0 holds but still measures the
// velocity for its contexts over 4 steps).
constexpr int kSpan[kPredictorCount] = {4, 1, 2, 4, 8};

}  // namespace

Prediction predict(const AxisState& state, int predictor, int frame, int cells) {
  assert(!state.indices.empty() && predictor >= 0 && predictor < kPredictorCount);
  const int last = static_cast<int>(state.indices.size()) - 1;
  Prediction p;
  p.index = state.indices[last];
  if (last == 0) return p;
  // Expected motion until `frame`: moved * ahead / span cells.
  const int first = std::max(0, last - kSpan[predictor]);
  const int64_t moved = int64_t{state.indices[last]} - state.indices[first];
  const int64_t span = int64_t{state.frames[last]} - state.frames[first];
  const int64_t ahead = int64_t{frame} - state.frames[last];
  const int64_t motion = moved * ahead;
  const int64_t step = predictor == 0 ? 0 : divide_rounded(motion, span);
  const int64_t rest = motion - step * span;
  const int64_t magnitude = rest < 0 ? -rest : rest;
  p.index = static_cast<int>(std::clamp<int64_t>(p.index + step, 0, cells - 1));
  p.phase = 1 + static_cast<int>(std::min<int64_t>(3, 8 * magnitude / span));
  p.lean = rest == 0 ? 0 : rest > 0 ? 1 : 2;
  return p;
}

}  // namespace tgvc
