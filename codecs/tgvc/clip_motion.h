// T-GVC's motion side information for one clip (DESIGN 4.3-4.6): dense tracks, motion instances,
// the instances worth sending and their representative trajectories.
#pragma once

#include "codecs/tgvc/bitstream/trajectory_set.h"
#include "codecs/tgvc/keyframes/image_embedder.h"
#include "codecs/tgvc/tgvc_params.h"
#include "harness/tracking/tracks.h"

namespace tgvc {

// What the stages found and how long they took, for logs and the per-stage benchmark.
struct ClipMotionStats {
  int tracks = 0;
  int clusters = 0;
  int kept = 0;
  int representatives = 0;
  double tracking_s = 0;
  double clustering_s = 0;
  double importance_s = 0;
};

// The representative trajectories of `clip` (the frames from one keyframe to the next, both
// included). Clips of fewer than 3 frames carry no trajectories, as in the paper's code.
// Representatives are k-means centres of a kept instance's (x, y, visibility) series; a centre
// is visible in a frame when any member is.
ClipTrajectories clip_trajectories(const Video& clip, const Tracker& tracker, const ImageEmbedder& embedder,
                                   const TgvcParams& params, ClipMotionStats* stats = nullptr);

}  // namespace tgvc
