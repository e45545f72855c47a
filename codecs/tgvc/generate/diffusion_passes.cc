#include "codecs/tgvc/generate/diffusion_passes.h"

#include <algorithm>
#include <cmath>

namespace tgvc {

std::vector<DiffusionPassPlan> plan_diffusion_passes(int clip_frames, int model_frames) {
  std::vector<DiffusionPassPlan> passes;
  const int last = clip_frames - 1;
  const int m = model_frames - 1;
  if (clip_frames <= 2 || model_frames < 2) return passes;
  if (clip_frames < model_frames) {  // stretched time axis
    DiffusionPassPlan p;
    for (int k = 0; k <= m; ++k) p.times.push_back(static_cast<double>(k) * last / m);
    for (int j = 1; j < last; ++j) {
      p.keep.emplace_back(static_cast<int>(std::lround(static_cast<double>(j) * m / last)), j);
    }
    passes.push_back(p);
    return passes;
  }
  for (int start = 0;;) {
    // A pass's last frame is tied to B's condition: the next pass starts before it.
    const int next = std::min(start + m - 1, clip_frames - model_frames);
    const bool final_pass = start == clip_frames - model_frames;
    DiffusionPassPlan p;
    for (int k = 0; k <= m; ++k) p.times.push_back(start + k);
    const int keep_to = final_pass ? last - 1 : next;
    for (int j = start + 1; j <= keep_to; ++j) p.keep.emplace_back(j - start, j);
    passes.push_back(p);
    if (final_pass) break;
    start = next;
  }
  return passes;
}

std::vector<DiffusionTrack> tracks_at_times(const ClipTrajectories& clip, const std::vector<double>& times) {
  std::vector<DiffusionTrack> out;
  const int last = clip.frames - 1;
  for (const CodedTrack& t : clip.tracks) {
    DiffusionTrack d;
    for (const double time : times) {
      const int i0 = std::clamp(static_cast<int>(std::floor(time)), 0, last);
      const int i1 = std::min(i0 + 1, last);
      const double f = std::clamp(time - i0, 0.0, 1.0);
      if (f == 0 || i1 == i0) {
        d.x.push_back(t.x[i0]);
        d.y.push_back(t.y[i0]);
        d.visible.push_back(t.visible[i0] ? 1 : 0);
      } else {
        d.x.push_back(static_cast<float>(t.x[i0] + f * (t.x[i1] - t.x[i0])));
        d.y.push_back(static_cast<float>(t.y[i0] + f * (t.y[i1] - t.y[i0])));
        d.visible.push_back(t.visible[i0] && t.visible[i1] ? 1 : 0);
      }
    }
    out.push_back(std::move(d));
  }
  return out;
}

void trajectory_weights(int model_frames, std::vector<double>* start, std::vector<double>* end) {
  start->assign(model_frames, 0);
  end->assign(model_frames, 0);
  for (int j = 1; j + 1 < model_frames; ++j) {
    if (j <= 5) {
      (*start)[j] = 1;
    } else if (j <= 8) {
      (*start)[j] = 0.5;
    } else if (j == 9) {
      (*end)[j] = 0.5;
    } else if (j <= 14) {
      (*end)[j] = 1;
    }
  }
}

}  // namespace tgvc
