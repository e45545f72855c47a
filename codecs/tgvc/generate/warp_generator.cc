#include "codecs/tgvc/generate/warp_generator.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <thread>

#include "codecs/tgvc/generate/generators.h"
#include "codecs/tgvc/generate/layered_composer.h"
#include "codecs/tgvc/generate/plane_sampling.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

// The blend generator's integer formula, used where a clip has no trajectory at all so that the
// warp generator then gives exactly the blend decoder's frames.
Frame blend_frame(const Frame& a, const Frame& b, int j, int last) {
  Frame f = a;
  for (int p = 0; p < 3; ++p) {
    std::vector<uint16_t>& s = f.planes[p].samples;
    const std::vector<uint16_t>& sb = b.planes[p].samples;
    for (size_t i = 0; i < s.size(); ++i)
      s[i] = static_cast<uint16_t>(((last - j) * s[i] + j * sb[i] + last / 2) / last);
  }
  return f;
}

double luma_squared_error(const Frame& x, const Frame& y) {
  double sum = 0;
  const std::vector<uint16_t>& sx = x.planes[0].samples;
  const std::vector<uint16_t>& sy = y.planes[0].samples;
  for (size_t i = 0; i < sx.size(); ++i) {
    const double d = static_cast<double>(sx[i]) - sy[i];
    sum += d * d;
  }
  return sum;
}

// Over the luma pixels that `mask` marks only.
double luma_squared_error(const Frame& x, const Frame& y, const std::vector<uint8_t>& mask) {
  double sum = 0;
  const std::vector<uint16_t>& sx = x.planes[0].samples;
  const std::vector<uint16_t>& sy = y.planes[0].samples;
  for (size_t i = 0; i < sx.size(); ++i) {
    if (!mask[i]) continue;
    const double d = static_cast<double>(sx[i]) - sy[i];
    sum += d * d;
  }
  return sum;
}

// The clip model's options for a clip without tracks composed with `composition`.
ClipModelOptions untracked_model_options(UntrackedComposition composition, const WarpOptions& options) {
  ClipModelOptions model = options.model;
  model.untracked_motion = composition == UntrackedComposition::camera_motion;
  return model;
}

void check_clip_frames(const Frame& a, int last, const std::vector<ClipFrame>& frames) {
  for (const ClipFrame& f : frames) {
    if (f.j <= 0 || f.j >= last || f.frame == nullptr || f.frame->width() != a.width() ||
        f.frame->height() != a.height()) {
      throw InputError("camera background choice",
                       "source frames 1.." + std::to_string(last - 1) + " of the keyframes' size",
                       "frame " + std::to_string(f.j));
    }
  }
}

// 10 log10(blend / other); 0 when they are equal. One unit of squared error stands in for none,
// so that an exact frame gives a finite gain.
double gain_db(double blend_error, double other_error) {
  if (blend_error == other_error) return 0;
  return 10 * std::log10(std::max(blend_error, 1.0) / std::max(other_error, 1.0));
}

}  // namespace

double untracked_gain_db(const Frame& a, const Frame& b, int last, const std::vector<ClipFrame>& frames,
                         UntrackedComposition composition, const WarpOptions& options) {
  if (frames.empty() || composition == UntrackedComposition::blend) return 0;
  check_clip_frames(a, last, frames);
  const ClipModel model = build_clip_model(a, b, {}, last, untracked_model_options(composition, options));
  double blend_error = 0, camera_error = 0;
  for (const ClipFrame& f : frames) {
    blend_error += luma_squared_error(blend_frame(a, b, f.j, last), *f.frame);
    camera_error += luma_squared_error(compose_clip_frame(model, a, b, f.j, /*luma_only=*/true), *f.frame);
  }
  return gain_db(blend_error, camera_error);
}

double camera_background_gain_db(const Frame& a, const Frame& b, int last,
                                 const std::vector<ClipFrame>& frames, const WarpOptions& options) {
  return untracked_gain_db(a, b, last, frames, UntrackedComposition::camera, options);
}

UntrackedChoice choose_untracked_composition(const Frame& a, const Frame& b, int last,
                                             const std::vector<ClipFrame>& frames, double min_gain_db,
                                             const std::vector<UntrackedComposition>& candidates,
                                             const WarpOptions& options) {
  UntrackedChoice choice;
  const auto offered = [&](UntrackedComposition c) {
    return std::find(candidates.begin(), candidates.end(), c) != candidates.end();
  };
  const bool camera = offered(UntrackedComposition::camera);
  const bool motion = offered(UntrackedComposition::camera_motion);
  if (frames.empty() || (!camera && !motion)) return choice;
  check_clip_frames(a, last, frames);
  // One camera-aware model; the moved regions go on a copy of it (the same model
  // build_clip_model gives with untracked_motion), and without regions the two are the same.
  const ClipModel camera_model =
      build_clip_model(a, b, {}, last, untracked_model_options(UntrackedComposition::camera, options));
  ClipModel motion_model = camera_model;
  const bool moved = motion && add_keyframe_motion_layers(&motion_model, a, b, options.model) > 0;
  double blend_error = 0, camera_error = 0, motion_error = 0;
  for (const ClipFrame& f : frames) {
    blend_error += luma_squared_error(blend_frame(a, b, f.j, last), *f.frame);
    const Frame camera_frame = compose_clip_frame(camera_model, a, b, f.j, /*luma_only=*/true);
    const double e = luma_squared_error(camera_frame, *f.frame);
    camera_error += e;
    if (!moved) {
      motion_error += e;
      continue;
    }
    // The layers change only the pixels of their mask: compose those alone and swap their error in.
    const std::vector<uint8_t> box = layers_mask(motion_model, f.j);
    const Frame motion_frame = compose_clip_frame(motion_model, a, b, f.j, true, &box);
    motion_error +=
        e - luma_squared_error(camera_frame, *f.frame, box) + luma_squared_error(motion_frame, *f.frame, box);
  }
  // In candidate order; a later one wins only with a larger gain.
  for (UntrackedComposition c : candidates) {
    if (c == UntrackedComposition::blend) continue;
    const double gain = gain_db(blend_error, c == UntrackedComposition::camera ? camera_error : motion_error);
    if (gain >= min_gain_db && (choice.composition == UntrackedComposition::blend || gain > choice.gain_db))
      choice = {c, gain};
  }
  return choice;
}

std::vector<TrackPath> keep_consistent_paths(const Frame& a, const Frame& b, std::vector<TrackPath> paths,
                                             const WarpOptions& options) {
  const double limit = options.max_end_mismatch * a.max_value();
  std::vector<TrackPath> kept;
  for (TrackPath& t : paths) {
    if (t.x.empty()) continue;
    const size_t last = t.x.size() - 1;
    if (t.visible[0] && t.visible[last]) {
      double sum = 0;
      for (int dy = -4; dy <= 4; ++dy) {
        for (int dx = -4; dx <= 4; ++dx) {
          sum += std::fabs(bilinear(a.planes[0], t.x[0] - 0.5 + dx, t.y[0] - 0.5 + dy) -
                           bilinear(b.planes[0], t.x[last] - 0.5 + dx, t.y[last] - 0.5 + dy));
        }
      }
      if (sum / 81 > limit) continue;
    }
    kept.push_back(std::move(t));
  }
  return kept;
}

Frame warp_clip_frame(const Frame& a, const Frame& b, const std::vector<TrackPath>& paths, int j, int last,
                      const WarpOptions& options) {
  if (paths.empty()) return blend_frame(a, b, j, last);
  return compose_clip_frame(build_clip_model(a, b, paths, last, options.model), a, b, j);
}

Video warp_between_keyframes(const Video& keyframes, const std::vector<int>& indices,
                             const std::vector<ClipTrajectories>& clips, int frame_count,
                             const WarpOptions& options) {
  check_generator_inputs(keyframes, indices, clips, frame_count, "warp generator");
  if (!options.untracked.empty() && options.untracked.size() != clips.size()) {
    throw InputError("warp generator", "a composition per clip (" + std::to_string(clips.size()) + ")",
                     std::to_string(options.untracked.size()));
  }
  Video out;
  out.info = keyframes.info;
  out.frames.reserve(static_cast<size_t>(frame_count));
  for (size_t k = 0; k + 1 < indices.size(); ++k) {
    const int last = indices[k + 1] - indices[k];
    const Frame& a = keyframes.frames[k];
    const Frame& b = keyframes.frames[k + 1];
    const std::vector<TrackPath> paths = keep_evenly_spaced(
        keep_consistent_paths(a, b, fit_track_paths(clips[k], options.paths), options), options.max_tracks);
    out.frames.push_back(a);
    const UntrackedComposition untracked = !options.untracked.empty()   ? options.untracked[k]
                                           : clips[k].camera_background ? UntrackedComposition::camera
                                                                        : UntrackedComposition::blend;
    if (paths.empty() && untracked == UntrackedComposition::blend) {
      for (int j = 1; j < last; ++j) out.frames.push_back(blend_frame(a, b, j, last));
      continue;
    }
    const ClipModel model = build_clip_model(
        a, b, paths, last, paths.empty() ? untracked_model_options(untracked, options) : options.model);
    std::vector<Frame> frames(static_cast<size_t>(last - 1));
    const int workers = std::clamp(options.threads, 1, std::max(1, last - 1));
    const auto work = [&](int first) {
      for (int j = 1 + first; j < last; j += workers) frames[j - 1] = compose_clip_frame(model, a, b, j);
    };
    std::vector<std::thread> pool;
    for (int w = 1; w < workers; ++w) pool.emplace_back(work, w);
    work(0);
    for (std::thread& t : pool) t.join();
    for (Frame& f : frames) out.frames.push_back(std::move(f));
  }
  out.frames.push_back(keyframes.frames.back());
  return out;
}

}  // namespace tgvc
