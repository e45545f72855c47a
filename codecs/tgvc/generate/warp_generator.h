// The `warp` generator (docs/tgvc.md, "Generators"): frames between two decoded keyframes built
// as layers guided by the clip's decoded trajectories.
//
// Per clip (keyframes A = clip frame 0 and B = clip frame last):
// 1. every track becomes a smooth path (track_paths.h); tracks whose two keyframe ends do not
//    look alike are dropped;
// 2. the background's (camera) motion A -> B is estimated from the keyframes (camera_motion.h),
//    with which parts of each keyframe follow it and, for a still camera, where the keyframes
//    agree (background_choice.h);
// 3. the tracks are grouped into motion instances, each with a similarity transform per frame
//    from A and from B (motion_instances.h);
// 4. each instance's support in A and in B is found by photo-consistency (instance_support.h);
// 5. each in-between frame is composed: the background, then the instances back to front
//    (layered_composer.h). clip_model.h holds steps 2-4.
// A clip without trajectories gives exactly the blend decoder's frames, unless the encoder chose
// the camera-aware background for it (ClipTrajectories::background): then steps 2 and 5 without
// instances. In a clip whose mode is kCameraPath the camera follows the sent path (camera_path.h);
// in kCameraMotion the regions that moved between the keyframes (keyframe_motion.h) are its
// instances.
#pragma once

#include <vector>

#include "codecs/tgvc/bitstream/trajectory_set.h"
#include "codecs/tgvc/generate/clip_model.h"
#include "codecs/tgvc/generate/generators.h"
#include "codecs/tgvc/generate/track_paths.h"
#include "harness/core/frame.h"

namespace tgvc {

struct WarpOptions {
  TrackPathOptions paths;
  ClipModelOptions model;
  // A track visible in both keyframes is dropped when the luma around its two end positions
  // differs by more than this share of the sample range (mean absolute difference over a
  // 9x9 window): its end points do not show the same scene point.
  double max_end_mismatch = 0.08;
  // Tracks used per clip at most, evenly spaced in coding order (generators.h).
  size_t max_tracks = kMaxGeneratorTracks;
  // Threads composing a clip's frames (each frame is independent, so the output is the same for
  // any count). 1 by default: the harness already runs cells in parallel.
  int threads = 1;
};

// The paths whose two ends look alike in the keyframes (see WarpOptions::max_end_mismatch);
// paths hidden in either keyframe are kept.
std::vector<TrackPath> keep_consistent_paths(const Frame& a, const Frame& b, std::vector<TrackPath> paths,
                                             const WarpOptions& options = {});

// One in-between frame: clip frame j (0 < j < last) between keyframes a (clip frame 0) and
// b (clip frame last) guided by `paths` (fit_track_paths of the clip, last + 1 frames each).
// Builds the clip's model for this one frame: warp_between_keyframes builds it once per clip.
Frame warp_clip_frame(const Frame& a, const Frame& b, const std::vector<TrackPath>& paths, int j, int last,
                      const WarpOptions& options = {});

// The blend generator's integer formula for clip frame j: where a clip has no trajectory and the
// blend mode, the warp generator gives exactly the blend decoder's frames.
Frame blend_clip_frame(const Frame& a, const Frame& b, int j, int last);

// One source frame of a clip: its index j in the clip (0 < j < last) and the frame.
struct ClipFrame {
  int j = 0;
  const Frame* frame = nullptr;
};

// The sum of squared luma differences of x and y (planes of one size), over the pixels `mask`
// (row-major, the plane's size) marks, or all of them.
double luma_squared_error(const Plane& x, const Plane& y, const std::vector<uint8_t>* mask = nullptr);

// 10 log10(reference_error / error) in dB, 0 when they are equal; one unit of squared error stands
// in for none, so that an exact frame gives a finite gain.
double gain_db(double reference_error, double error);

// The clip model's options for a clip without tracks shown in `mode`.
ClipModelOptions untracked_model_options(BackgroundMode mode, const ClipModelOptions& options);

// InputError unless every frame is an in-between frame of the clip (0 < j < last) of a's size.
void check_clip_frames(const Frame& a, int last, const std::vector<ClipFrame>& frames);

// A video of frame_count frames: the decoded keyframes where `keyframe_indices` says, the frames
// of clip c (between keyframes c and c + 1) generated with clips[c]. `info` is copied from
// `keyframes`. InputError when the counts disagree (keyframes vs indices vs clips, a clip's
// frame count vs its keyframe distance, a track's length vs its clip) or the indices are not
// increasing from 0 to frame_count-1, or the keyframes differ in size or format.
Video warp_between_keyframes(const Video& keyframes, const std::vector<int>& keyframe_indices,
                             const std::vector<ClipTrajectories>& clips, int frame_count,
                             const WarpOptions& options = {});

}  // namespace tgvc
