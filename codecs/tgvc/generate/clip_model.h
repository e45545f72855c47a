// Everything the warp generator knows about one clip, built once from the two decoded keyframes
// and the clip's decoded tracks: the background's (camera) motion and which parts of each
// keyframe follow it, the motion instances with their per-frame motion, and each instance's
// support mask in both keyframes.
#pragma once

#include <vector>

#include "codecs/tgvc/generate/background_choice.h"
#include "codecs/tgvc/generate/camera_motion.h"
#include "codecs/tgvc/generate/instance_support.h"
#include "codecs/tgvc/generate/keyframe_motion.h"
#include "codecs/tgvc/generate/motion_instances.h"
#include "codecs/tgvc/generate/track_paths.h"

namespace tgvc {

struct InstanceLayer {
  MotionInstance motion;
  SupportMask support_a;  // in keyframe A, luma size, [0, 1]
  SupportMask support_b;
};

struct ClipModel {
  int last = 0;               // the clip's frames are 0..last; A is frame 0, B frame last
  CameraMotion camera;        // A -> B
  FloatImage camera_share_a;  // background_choice.h; empty when the camera does not move
  FloatImage camera_share_b;
  FloatImage agreement_a;  // keyframe_agreement; empty unless the camera is still (steady_background)
  FloatImage agreement_b;
  std::vector<InstanceLayer> layers;  // back to front
  FloatImage occupied_a;  // the largest layer support (grown) at each pixel of A; 0 without layers
  FloatImage occupied_b;
  int occupied_margin = 0;  // ClipModelOptions::occupied_margin it was built with
};

struct ClipModelOptions {
  CameraMotionOptions camera;
  MotionInstanceOptions instances;
  SupportOptions support;
  BackgroundChoiceOptions background;
  bool camera_motion = true;  // false: the background is the temporal blend (no camera motion)
  // The supports grow by this many pixels where they hide a keyframe's background: an object's
  // edge must not leak into the background of frames where it has moved away.
  int occupied_margin = 3;
  // With a still camera, show the average of the two keyframes where they agree, the same in
  // every in-between frame, instead of cross-fading them (keyframe_agreement). Not with a moving
  // camera: there the keyframes are aligned only to a fraction of a pixel and their average
  // would blur and jump at the keyframes.
  bool steady_background = true;
  // In a clip without tracks, the regions that moved between the keyframes beyond the camera
  // (keyframe_motion.h) become layers moving on straight lines, so that people walking past a
  // still camera move instead of cross-fading or freezing. Clips with tracks never use it. Off
  // by default: it is the `camera_motion` composition (warp_generator.h), chosen per clip.
  bool untracked_motion = false;
  KeyframeMotionOptions keyframe_motion;
};

// `paths`: fit_track_paths of the clip, each with last + 1 frames. InputError when a path has
// another length, last < 1, or the keyframes differ in size.
ClipModel build_clip_model(const Frame& a, const Frame& b, const std::vector<TrackPath>& paths, int last,
                           const ClipModelOptions& options = {});

// Adds the regions of A that moved between the keyframes beyond the model's camera
// (keyframe_motion.h) as layers moving on straight lines, in front; returns how many. What
// options.untracked_motion does in a clip without tracks; the encoder applies it to a copy of the
// camera-aware model to weigh both compositions at the cost of one.
size_t add_keyframe_motion_layers(ClipModel* model, const Frame& a, const Frame& b,
                                  const ClipModelOptions& options = {});

}  // namespace tgvc
