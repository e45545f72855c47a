// Frames as LibTorch tensors: the RGB the rest of the harness computes (tgvc::yuv_to_rgb with the
// video's matrix and range), scaled to [0, 1].
#pragma once

#include <ATen/ATen.h>

#include "harness/core/frame.h"

namespace tgvc {

// InputError unless `ref` and `dist` have the same geometry, format and frame count and every
// frame's planes are sized as the video says (the learned metrics index samples directly).
void check_learned_inputs(const Video& ref, const Video& dist);

// Frames [first, first + count) as RGB float32 [count, 3, H, W] in [0, 1] on the CPU.
at::Tensor rgb_frames(const Video& video, int first, int count);

}  // namespace tgvc
