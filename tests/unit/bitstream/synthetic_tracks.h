// Seeded trajectories for the bitstream tests: smooth motion (constant velocity plus a slow
// wiggle, the motion T-GVC's representatives have), optional occlusion gaps.
#pragma once

#include <cmath>

#include "codecs/tgvc/bitstream/trajectory_set.h"
#include "harness/core/lcg.h"

namespace tgvc {
namespace testing_tracks {

struct MotionSpec {
  int width = 512;
  int height = 320;
  double max_speed = 3.0;      // pixels per frame
  double gap_probability = 0;  // per frame, chance that an occlusion gap starts
  bool start_hidden = false;   // some tracks start invisible (tracks queried on the last frame)
};

inline CodedTrack smooth_track(Lcg& lcg, int frames, const MotionSpec& spec) {
  CodedTrack track;
  double x = lcg.uniform() * spec.width;
  double y = lcg.uniform() * spec.height;
  const double vx = (2 * lcg.uniform() - 1) * spec.max_speed;
  const double vy = (2 * lcg.uniform() - 1) * spec.max_speed;
  const double wiggle = lcg.uniform() * 2.0;
  const double phase = lcg.uniform() * 6.28;
  int hidden = spec.start_hidden && lcg.uniform() < 0.3 ? 1 + static_cast<int>(lcg.next() % 6) : 0;
  for (int f = 0; f < frames; ++f) {
    x += vx + wiggle * std::cos(phase + 0.3 * f);
    y += vy + wiggle * std::sin(phase + 0.2 * f);
    if (hidden == 0 && lcg.uniform() < spec.gap_probability) hidden = 1 + static_cast<int>(lcg.next() % 5);
    const bool inside = x >= 0 && x < spec.width && y >= 0 && y < spec.height;
    track.x.push_back(static_cast<float>(x));
    track.y.push_back(static_cast<float>(y));
    track.visible.push_back(hidden == 0 && inside ? 1 : 0);
    if (hidden > 0) --hidden;
  }
  return track;
}

inline ClipTrajectories smooth_clip(uint32_t seed, int tracks, int frames, const MotionSpec& spec) {
  Lcg lcg(seed);
  ClipTrajectories clip;
  clip.frames = frames;
  for (int t = 0; t < tracks; ++t) clip.tracks.push_back(smooth_track(lcg, frames, spec));
  return clip;
}

}  // namespace testing_tracks
}  // namespace tgvc
