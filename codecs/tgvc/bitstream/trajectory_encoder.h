// Codes the trajectories of one clip into the payload of a TRAJ chunk (docs/bitstream.md).
#pragma once

#include <cstdint>
#include <vector>

#include "codecs/tgvc/bitstream/quantisation.h"
#include "codecs/tgvc/bitstream/trajectory_set.h"

namespace tgvc {

// Let the encoder pick the predictor that codes the clip in the fewest bytes.
constexpr int kBestPredictor = -1;

// `clip` must be valid (every track has clip.frames entries per vector; checked by the caller).
// Positions are quantised on the given axes; invisible positions are not coded. `predictor`
// forces one of the kPredictorCount predictors of trajectory_model.h (tests, experiments).
std::vector<uint8_t> encode_clip_trajectories(const ClipTrajectories& clip, const QuantAxis& axis_x,
                                              const QuantAxis& axis_y, int predictor = kBestPredictor);

}  // namespace tgvc
