// The encoder's choice of a clip's background (docs/tgvc.md, "Camera-aware background in clips
// without trajectories"): the blend, the camera-aware background with the camera on a straight
// line from A to B, the same with the regions that moved between the keyframes, or the same with
// a sent camera path. Each is composed from the decoded keyframes, exactly as the decoder will,
// and measured against the source frames.
#pragma once

#include <vector>

#include "codecs/tgvc/bitstream/trajectory_set.h"
#include "codecs/tgvc/generate/warp_generator.h"
#include "harness/core/frame.h"

namespace tgvc {

struct ClipBackgroundParams {
  // The camera-aware background (either camera) must beat the blend by this much (dB of luma
  // PSNR over the given frames).
  double min_gain_db = 0.1;
  // The sent path must beat the straight camera by this much as well: it costs bytes.
  double min_path_gain_db = 0.1;
  // One knot per this many frames of the clip (at least one): count = max(1, round(last / spacing) - 1).
  // 0: never send a path.
  int path_spacing = 6;
  // A knot is tried only when it moves a corner of the frame off the straight line by more than
  // this (pixels), and kept only when its own frame comes out better than on the straight line;
  // the whole path is composed and measured only when a knot is kept.
  double min_path_deviation_px = 0.5;
  // Whether the camera with the keyframes' own motion (kCameraMotion) is a candidate.
  bool keyframe_motion = true;
};

struct ClipBackground {
  BackgroundMode mode = BackgroundMode::kBlend;
  std::vector<CameraPathKnot> camera_path;  // the knots, when mode is kCameraPath
  double camera_gain_db = 0;                // straight camera over blend
  double path_gain_db = 0;                  // path over blend; 0 when not measured
  bool path_measured = false;
  double motion_gain_db = 0;  // straight camera with the moved regions over blend; 0 when not measured
  size_t moved_regions = 0;   // the regions kCameraMotion adds (not measured when 0)
};

// The background for a clip without tracks between decoded keyframes a and b (frames 0..last),
// measured on `frames` (the clip's in-between source frames, all of them, so that the path's knots
// find theirs). InputError when a frame's size or index does not fit the clip.
ClipBackground choose_clip_background(const Frame& a, const Frame& b, int last,
                                      const std::vector<ClipFrame>& frames,
                                      const ClipBackgroundParams& params, const WarpOptions& options = {});

}  // namespace tgvc
