// The tests' reference for the encoder's background choice (clip_background_choice.h): how much a
// clip without tracks composed in `mode` beats the blend, from whole composed frames (the choice
// composes only the pixels the moved regions change). 10 log10 of the blend's luma squared error
// over the mode's, summed over the given source frames; 0 without frames or for kBlend.
#pragma once

#include <vector>

#include "codecs/tgvc/generate/layered_composer.h"
#include "codecs/tgvc/generate/warp_generator.h"

namespace tgvc::generate_test {

inline double untracked_gain_db(const Frame& a, const Frame& b, int last,
                                const std::vector<ClipFrame>& frames, BackgroundMode mode) {
  if (frames.empty() || mode == BackgroundMode::kBlend) return 0;
  check_clip_frames(a, last, frames);
  const ClipModel model = build_clip_model(a, b, {}, last, untracked_model_options(mode, ClipModelOptions{}));
  double blend_error = 0, error = 0;
  for (const ClipFrame& f : frames) {
    blend_error += luma_squared_error(blend_clip_frame(a, b, f.j, last).planes[0], f.frame->planes[0]);
    error += luma_squared_error(compose_clip_frame(model, a, b, f.j, /*luma_only=*/true).planes[0],
                                f.frame->planes[0]);
  }
  return gain_db(blend_error, error);
}

}  // namespace tgvc::generate_test
