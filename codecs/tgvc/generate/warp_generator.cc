#include "codecs/tgvc/generate/warp_generator.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <thread>

#include "codecs/tgvc/generate/camera_path.h"
#include "codecs/tgvc/generate/generators.h"
#include "codecs/tgvc/generate/layered_composer.h"
#include "codecs/tgvc/generate/plane_sampling.h"
#include "harness/core/error.h"

namespace tgvc {

Frame blend_clip_frame(const Frame& a, const Frame& b, int j, int last) {
  Frame f = a;
  for (int p = 0; p < 3; ++p) {
    std::vector<uint16_t>& s = f.planes[p].samples;
    const std::vector<uint16_t>& sb = b.planes[p].samples;
    for (size_t i = 0; i < s.size(); ++i)
      s[i] = static_cast<uint16_t>(((last - j) * s[i] + j * sb[i] + last / 2) / last);
  }
  return f;
}

double luma_squared_error(const Plane& x, const Plane& y, const std::vector<uint8_t>* mask) {
  // Integer squares summed in 64 bits: exact in any order, so the loops vectorise.
  const uint16_t* xs = x.samples.data();
  const uint16_t* ys = y.samples.data();
  const size_t n = x.samples.size();
  int64_t sum = 0;
  if (mask == nullptr) {
    for (size_t i = 0; i < n; ++i) {
      const int64_t d = static_cast<int64_t>(xs[i]) - ys[i];
      sum += d * d;
    }
  } else {
    const uint8_t* marked = mask->data();
    for (size_t i = 0; i < n; ++i) {
      const int64_t d = static_cast<int64_t>(xs[i]) - ys[i];
      sum += marked[i] ? d * d : 0;
    }
  }
  return static_cast<double>(sum);
}

double gain_db(double reference_error, double error) {
  if (reference_error == error) return 0;
  return 10 * std::log10(std::max(reference_error, 1.0) / std::max(error, 1.0));
}

ClipModelOptions untracked_model_options(BackgroundMode mode, const ClipModelOptions& options) {
  ClipModelOptions model = options;
  model.untracked_motion = mode == BackgroundMode::kCameraMotion;
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
  if (paths.empty()) return blend_clip_frame(a, b, j, last);
  return compose_clip_frame(build_clip_model(a, b, paths, last, options.model), a, b, j);
}

Video warp_between_keyframes(const Video& keyframes, const std::vector<int>& indices,
                             const std::vector<ClipTrajectories>& clips, int frame_count,
                             const WarpOptions& options) {
  check_generator_inputs(keyframes, indices, clips, frame_count, "warp generator");
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
    const BackgroundMode mode = clips[k].background;
    if (paths.empty() && mode == BackgroundMode::kBlend) {
      for (int j = 1; j < last; ++j) out.frames.push_back(blend_clip_frame(a, b, j, last));
      continue;
    }
    ClipModel model = build_clip_model(
        a, b, paths, last, paths.empty() ? untracked_model_options(mode, options.model) : options.model);
    if (clips[k].background == BackgroundMode::kCameraPath)
      model.camera = follow_camera_path(model.camera, clips[k].camera_path, last, a.width(), a.height());
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
