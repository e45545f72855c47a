// Reduced-size keyframes (docs/tgvc.md, "Reduced-size keyframes"): the encoder shrinks the
// keyframes before coding them and the decoder enlarges what it decoded back to the video's size.
// Both directions are integer arithmetic on exact rational weights, so every machine enlarges a
// decoded keyframe to the same samples the encoder reconstructed.
#pragma once

#include <utility>

#include "harness/core/frame.h"

namespace tgvc {

// The coded keyframe size for `scale` in (0, 1] of a width x height video: each side times the
// scale, rounded to the nearest integer (halves up), at least 1.
std::pair<int, int> scaled_keyframe_size(int width, int height, double scale);

// Every plane of every frame resampled to the luma size width x height (chroma planes follow the
// chroma format). Per axis, independently: a shrinking axis takes the area average (each output
// sample the mean of the input samples under its footprint, weighted by overlap); a growing axis
// interpolates linearly between the two nearest input samples, sample centres aligned (output x
// reads input (x + 0.5) * in / out - 0.5, clamped to the edge samples); an equal axis is copied.
// Results are rounded to the nearest integer, halves up.
Video resize_keyframes(const Video& keyframes, int width, int height);

}  // namespace tgvc
