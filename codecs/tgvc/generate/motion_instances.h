// Motion instances at the decoder. The bitstream does not say which object a track belongs to,
// so the warp generator groups the decoded tracks by a deterministic rule: two tracks belong to
// one instance when, over the frames where both are visible, their distance stays nearly
// constant (a rigid object that moves, turns and slowly scales keeps its points' distances, up
// to the scale change and the coding grid) and the vector between them turns by a bounded angle
// at a bounded rate. Instances are the connected groups of that relation among the tracks seen
// long enough; a track seen for a few frames only joins the one instance it fits best (it could
// otherwise bridge two). Each instance then gets a similarity transform per clip frame from each
// keyframe (a translation for a single track or tracks close together), fitted robustly.
#pragma once

#include <vector>

#include "codecs/tgvc/generate/similarity_fit.h"
#include "codecs/tgvc/generate/track_paths.h"

namespace tgvc {

struct MotionInstance {
  std::vector<int> tracks;               // indices into the clip's paths, increasing
  std::vector<SimilarityMotion> from_a;  // per clip frame j: keyframe A (frame 0) -> frame j
  std::vector<SimilarityMotion> from_b;  // per clip frame j: keyframe B (last frame) -> frame j
  // How much from_a[j] (from_b[j]) rests on seen positions, in [0, 1]: the largest product of a
  // track's position weights in the two frames (1: some track is visible in both).
  std::vector<double> confidence_a;
  std::vector<double> confidence_b;
  // Share of the instance's (track, frame) pairs hidden while inside the frame: instances hidden
  // more often are more likely behind others, and are drawn first.
  double hidden_share = 0;
};

struct MotionInstanceOptions {
  double link_px = 6;        // distance change always allowed (the 8 px grid's rounding, after the fit)
  double link_share = 0.15;  // plus this share of the distance (scale changes)
  // ... and the vector between them may turn or stretch by this share of its length (about 23
  // degrees of rotation): two objects passing each other keep their distance for a moment, but
  // not their direction.
  double turn_share = 0.4;
  // ... and at most this fast on average over the frames they share (px per frame, plus
  // turn_rate x distance: about 0.6 degrees per frame), so that a short shared stretch cannot hide a
  // different motion.
  double drift_px_per_frame = 0.75;
  double turn_rate = 0.01;
  // Tracks farther apart than this share of min(width, height) are not linked directly (only
  // through tracks between them): far apart, the tolerances above would admit unrelated motion.
  double max_link_fraction = 0.3;
  int min_common_frames = 3;  // frames where both tracks are visible, to compare them at all
  // Weight in the per-frame fits of a position that was not visible (extrapolated by the path):
  // hidden_weight * exp(-gap / hidden_decay_frames), gap: frames to the track's nearest visible one.
  double hidden_weight = 0.5;
  double hidden_decay_frames = 3;
  SimilarityFitOptions fit;
};

// Instances ordered by their first track; every path belongs to exactly one instance. All paths
// must have the same number of frames (>= 2). width x height: the frame, for hidden_share.
std::vector<MotionInstance> group_motion_instances(const std::vector<TrackPath>& paths, int width, int height,
                                                   const MotionInstanceOptions& options = {});

}  // namespace tgvc
