// What the trajectory encoder and decoder share (docs/bitstream.md, "Trajectory syntax"): the
// motion predictors, the context set of one clip and the per-axis state of the track being coded.
#pragma once

#include <cstdint>
#include <vector>

#include "codecs/tgvc/bitstream/adaptive_bit.h"
#include "codecs/tgvc/bitstream/binarisation.h"

namespace tgvc {

// A clip names one predictor (3 bypass bits). 0 holds the last position; 1..4 extrapolate the
// mean velocity over the last 1, 2, 4 or 8 visible steps. All of them feed the velocity's
// fraction that the prediction leaves out to the contexts.
constexpr int kPredictorCount = 5;
constexpr int kPredictorBits = 3;
// Exp-Golomb prefix contexts per axis: prefix bit i uses min(i, 5).
constexpr int kMagnitudeContexts = 6;
// Zero-flag contexts per axis: 5 phases x (x's residual of this frame nonzero) x (this axis's
// previous residual nonzero).
constexpr int kZeroContexts = 20;

// A predicted cell index and what the contexts learn from the prediction.
struct Prediction {
  int index = 0;
  // 0: one visible position so far (no velocity). 1..4: how much of the expected motion the
  // prediction left out, in eighths of a cell: 1 + min(3, floor(8 |rest| / span)).
  int phase = 0;
  int lean = 0;  // the sign of that rest: 0 none, 1 positive, 2 negative
};

struct AxisContexts {
  AdaptiveBit zero[kZeroContexts];
  AdaptiveBit sign[3];  // by Prediction::lean
  AdaptiveBit magnitude[kMagnitudeContexts];
};

// All contexts of one clip; they start at p0 = 1/2 at the start of every clip.
struct TrajectoryContexts {
  AdaptiveBit visible[3];  // first frame of a track, after an invisible frame, after a visible one
  AxisContexts axis[2];    // x, y
};

// One axis of the track being coded: its visible history and whether its last residual was
// nonzero.
struct AxisState {
  std::vector<int> frames;   // visible frames so far
  std::vector<int> indices;  // their cell indices
  int previous_nonzero = 0;

  // The contexts of this axis's residual; `x_nonzero` is 1 when coding y and x's residual of the
  // same frame was nonzero, else 0.
  SignedContexts contexts(AxisContexts& set, const Prediction& p, int x_nonzero) const {
    return {&set.zero[p.phase + 5 * x_nonzero + 10 * previous_nonzero],
            &set.sign[p.lean],
            {set.magnitude, kMagnitudeContexts}};
  }
  void record(int frame, int index) {
    frames.push_back(frame);
    indices.push_back(index);
  }
};

// The prediction of an axis's cell index at `frame` from its visible history (at least one
// entry) with predictor 0..4, clamped to [0, cells - 1].
Prediction predict(const AxisState& state, int predictor, int frame, int cells);

}  // namespace tgvc
