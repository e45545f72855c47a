// How the diffusion generator covers a clip of L frames (keyframes at clip frames 0 and L-1) with
// passes of the model's 16 frames (docs/diffusion.md, "Clips of any length"), and what each pass
// is guided by.
//
// - L <= 2: no frame to make, no pass.
// - L < 16: one pass on a time axis stretched to the clip: model frame k sits at clip time
//   k (L-1) / 15; clip frame j is model frame round(j 15 / (L-1)); trajectories are resampled at
//   those times.
// - L == 16: one pass, model frame k = clip frame k.
// - L > 16: passes start at s_0 = 0 and s_{p+1} = min(s_p + 14, L - 16), each 16 clip frames
//   long; for 17..30 frames that is the paper's two passes, the second starting from frame L-16
//   of the first. A pass's first condition is keyframe A (first pass) or the previous pass's
//   output at s_p; its last condition is keyframe B. Pass p keeps clip frames s_p+1 .. s_{p+1}
//   (the last pass: up to L-2).
#pragma once

#include <utility>
#include <vector>

#include "codecs/tgvc/bitstream/trajectory_set.h"
#include "harness/torch/api/diffusion_request.h"

namespace tgvc {

inline constexpr int kDiffusionFrames = 16;

struct DiffusionPassPlan {
  std::vector<double> times;              // the clip time of each model frame
  std::vector<std::pair<int, int>> keep;  // (model frame, clip frame) taken from this pass
};

// The passes for a clip of `clip_frames` frames (at least 1), `model_frames` (at least 2) per pass.
std::vector<DiffusionPassPlan> plan_diffusion_passes(int clip_frames, int model_frames = kDiffusionFrames);

// Every track of `clip` at clip times `times` (0 <= time <= frames-1): linear between the two
// neighbouring frames, visible where both are (at an integer time: that frame's position).
std::vector<DiffusionTrack> tracks_at_times(const ClipTrajectories& clip, const std::vector<double>& times);

// DESIGN 4's weights over the model frames j (docs/diffusion.md, "Guidance"): towards the start
// window in frame 0, 1 for j = 1..5 and 0.5 for j = 6..8; towards the end window in the last
// frame (15), 0.5 for j = 9 and 1 for j = 10..14; 0 elsewhere (frames 0 and 15 included).
void trajectory_weights(int model_frames, std::vector<double>* start, std::vector<double>* end);

}  // namespace tgvc
