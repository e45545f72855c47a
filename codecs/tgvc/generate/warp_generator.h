// The `warp` generator (docs/tgvc.md, "Generators"): frames between two decoded keyframes built
// by warping both keyframes along dense motion interpolated from the clip's decoded trajectories.
//
// For clip frame j of a clip with frames 0..L-1 (keyframes A = 0 and B = L-1):
// 1. every track becomes a smooth path (track_paths.h);
// 2. the tracks visible in frame j give backward fields j->A and j->B (each track's displacement
//    spread with a Gaussian, a zero background away from the tracks: motion_field.h); the tracks
//    visible in A (in B) give the forward field A->j (B->j) used to check the backward one;
// 3. each output sample is read from A and from B by bilinear sampling at the displaced position;
// 4. the two are blended with weights (L-1-j)/(L-1) and j/(L-1), each multiplied by a
//    forward-backward consistency term 1 / (1 + (e / consistency_px)^2) (e: how far the sampled
//    keyframe point's own motion lands from the output position: large where the keyframe shows
//    something that has moved away, i.e. a disocclusion), by one minus the share of the
//    neighbouring tracks that are hidden in that keyframe, and by zero when the displaced
//    position leaves the frame.
// Far from every track (beyond 3 sigma) the field is zero and the result is the temporal blend.
#pragma once

#include <vector>

#include "codecs/tgvc/bitstream/trajectory_set.h"
#include "codecs/tgvc/generate/motion_field.h"
#include "codecs/tgvc/generate/track_paths.h"
#include "harness/core/frame.h"

namespace tgvc {

struct WarpOptions {
  TrackPathOptions paths;
  // Gaussian radius of a track's influence as a share of min(width, height) (16 px at 512x320).
  double sigma_fraction = 0.025;
  double background_weight = 0.05;
  int field_cell = 4;            // lattice of the dense fields, pixels
  double consistency_px = 3;     // forward-backward disagreement that halves a keyframe's weight
  // A track visible in both keyframes is dropped when the luma around its two end positions
  // differs by more than this share of the sample range (mean absolute difference over a
  // 9x9 window): its end points do not show the same scene point.
  double max_end_mismatch = 0.08;
};

// The paths whose two ends look alike in the keyframes (see WarpOptions::max_end_mismatch);
// paths hidden in either keyframe are kept.
std::vector<TrackPath> keep_consistent_paths(const Frame& a, const Frame& b, std::vector<TrackPath> paths,
                                             const WarpOptions& options = {});

// One in-between frame: clip frame j (0 < j < last) between keyframes a (clip frame 0) and
// b (clip frame last) guided by `paths` (fit_track_paths of the clip).
Frame warp_clip_frame(const Frame& a, const Frame& b, const std::vector<TrackPath>& paths, int j, int last,
                      const WarpOptions& options = {});

// A video of frame_count frames: the decoded keyframes where `keyframe_indices` says, the frames
// of clip c (between keyframes c and c + 1) warped with clips[c]. `info` is copied from
// `keyframes`. InputError when the counts disagree (keyframes vs indices vs clips, a clip's
// frame count vs its keyframe distance) or the indices are not increasing from 0 to frame_count-1.
Video warp_between_keyframes(const Video& keyframes, const std::vector<int>& keyframe_indices,
                             const std::vector<ClipTrajectories>& clips, int frame_count,
                             const WarpOptions& options = {});

}  // namespace tgvc
