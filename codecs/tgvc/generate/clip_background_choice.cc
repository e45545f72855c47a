#include "codecs/tgvc/generate/clip_background_choice.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "codecs/tgvc/generate/camera_motion.h"
#include "codecs/tgvc/generate/camera_path.h"
#include "codecs/tgvc/generate/clip_model.h"
#include "codecs/tgvc/generate/layered_composer.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

// The composed frames' luma squared errors, one per frame; their lumas into `lumas` if given.
std::vector<double> composed_errors(const ClipModel& model, const Frame& a, const Frame& b,
                                    const std::vector<ClipFrame>& frames,
                                    std::vector<Plane>* lumas = nullptr) {
  std::vector<double> errors;
  for (const ClipFrame& f : frames) {
    Frame composed = compose_clip_frame(model, a, b, f.j, /*luma_only=*/true);
    errors.push_back(luma_squared_error(composed.planes[0], f.frame->planes[0]));
    if (lumas != nullptr) lumas->push_back(std::move(composed.planes[0]));
  }
  return errors;
}

double sum(const std::vector<double>& v) {
  double total = 0;
  for (double x : v) total += x;
  return total;
}

// The knots of the camera A -> source frame at evenly spaced in-between frames.
std::vector<CameraPathKnot> estimate_path(const Frame& a, const CameraMotion& straight, int last,
                                          const std::vector<ClipFrame>& frames,
                                          const ClipBackgroundParams& params,
                                          const CameraMotionOptions& camera) {
  std::vector<CameraPathKnot> knots;
  if (params.path_spacing <= 0) return knots;
  const int count =
      std::max(1, static_cast<int>(std::lround(static_cast<double>(last) / params.path_spacing)) - 1);
  for (int j : camera_path_frames(last, count)) {
    const auto source =
        std::find_if(frames.begin(), frames.end(), [j](const ClipFrame& f) { return f.j == j; });
    if (source == frames.end()) continue;
    knots.push_back(camera_path_knot(straight, estimate_camera_motion(a, *source->frame, camera), j, last,
                                     a.width(), a.height()));
  }
  return knots;
}

}  // namespace

ClipBackground choose_clip_background(const Frame& a, const Frame& b, int last,
                                      const std::vector<ClipFrame>& frames,
                                      const ClipBackgroundParams& params, const WarpOptions& options) {
  ClipBackground out;
  if (frames.empty()) return out;
  check_clip_frames(a, last, frames);
  ClipModel model =
      build_clip_model(a, b, {}, last, untracked_model_options(BackgroundMode::kCamera, options.model));
  double blend_error = 0;
  for (const ClipFrame& f : frames)
    blend_error += luma_squared_error(blend_clip_frame(a, b, f.j, last).planes[0], f.frame->planes[0]);
  std::vector<Plane> straight_lumas;  // for the moved regions' error swap below
  const std::vector<double> straight_errors =
      composed_errors(model, a, b, frames, params.keyframe_motion ? &straight_lumas : nullptr);
  out.camera_gain_db = gain_db(blend_error, sum(straight_errors));
  if (params.keyframe_motion) {
    out.motion_gain_db = out.camera_gain_db;
    ClipModel motion_model = model;
    out.moved_regions = add_keyframe_motion_layers(&motion_model, a, b, options.model);
    if (out.moved_regions > 0) {
      // The regions change only the pixels of their layers' mask: compose those alone and swap
      // their error in for the straight camera's there.
      double motion_error = 0;
      for (size_t i = 0; i < frames.size(); ++i) {
        const ClipFrame& f = frames[i];
        const std::vector<uint8_t> mask = layers_mask(motion_model, f.j);
        const Frame moved = compose_clip_frame(motion_model, a, b, f.j, /*luma_only=*/true, &mask);
        motion_error += straight_errors[i] -
                        luma_squared_error(straight_lumas[i], f.frame->planes[0], &mask) +
                        luma_squared_error(moved.planes[0], f.frame->planes[0], &mask);
      }
      out.motion_gain_db = gain_db(blend_error, motion_error);
    }
  }

  std::vector<CameraPathKnot> knots =
      options.model.camera_motion ? estimate_path(a, model.camera, last, frames, params, options.model.camera)
                                  : std::vector<CameraPathKnot>{};
  // A knot's correction is kept when its own frame (where the path's camera is the knot's) comes
  // out better than on the straight line; otherwise the knot stays on the line (all zeros). A knot
  // within min_path_deviation_px of the line is not tried. The whole path is composed only when a
  // knot is kept: a wrong estimate (a moving foreground, little texture) costs a few frames.
  const CameraMotion straight = model.camera;
  const CameraMotion tried = follow_camera_path(straight, knots, last, a.width(), a.height());
  bool any_kept = false;
  for (CameraPathKnot& k : knots) {
    int deviation = 0;  // eighths
    for (int32_t v : k.eighths) deviation = std::max(deviation, std::abs(v));
    bool keep = deviation > 8 * params.min_path_deviation_px;
    if (keep) {
      const size_t i = static_cast<size_t>(
          std::find_if(frames.begin(), frames.end(), [&](const ClipFrame& f) { return f.j == k.frame; }) -
          frames.begin());
      model.camera = tried;
      keep = luma_squared_error(compose_clip_frame(model, a, b, k.frame, /*luma_only=*/true).planes[0],
                                frames[i].frame->planes[0]) < straight_errors[i];
    }
    if (!keep) k.eighths = {};
    any_kept = any_kept || keep;
  }
  if (any_kept) {
    model.camera = follow_camera_path(straight, knots, last, a.width(), a.height());
    out.path_gain_db = gain_db(blend_error, sum(composed_errors(model, a, b, frames)));
    out.path_measured = true;
  }
  // The straight camera with or without the moved regions (the regions only with a larger gain);
  // the path only when it beats that by its margin, since it costs bytes.
  const bool motion = out.moved_regions > 0 && out.motion_gain_db > out.camera_gain_db;
  const double straight_gain = motion ? out.motion_gain_db : out.camera_gain_db;
  if (out.path_measured && out.path_gain_db >= params.min_gain_db &&
      out.path_gain_db >= straight_gain + params.min_path_gain_db) {
    out.mode = BackgroundMode::kCameraPath;
    out.camera_path = std::move(knots);
  } else if (straight_gain >= params.min_gain_db) {
    out.mode = motion ? BackgroundMode::kCameraMotion : BackgroundMode::kCamera;
  }
  return out;
}

}  // namespace tgvc
