// What the torch-free diffusion generator (codecs/tgvc/generate/diffusion_generator.h) hands the
// LibTorch sampler for one 16-frame pass, and what comes back. Plain C++ types only: this header
// is part of the boundary of the LibTorch layer (tgvc_torch_backend.h). The schedule and the
// guidance weights are computed on the torch-free side, so that they are tested without LibTorch.
#pragma once

#include <cstdint>
#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

// One DDIM step, in sampling order (noisiest first).
struct DiffusionStep {
  int64_t timestep = 0;      // t given to the denoiser (0..999)
  double alpha = 0;          // alpha_bar[t]
  double alpha_prev = 0;     // alpha_bar of the next step's timestep (alpha_bar[0] after the last)
  double sigma = 0;          // DDIM noise scale (eta-weighted)
  double x0_rescale = 1;     // DynamiCrafter's dynamic rescale: the x0 prediction is multiplied by it
  double guidance_step = 0;  // eta_g * (1 - alpha_bar[...]): z_t -= guidance_step * grad before the step
};

// A trajectory over the pass's frames, in the conditions' pixel coordinates (pixel centres at
// +0.5). The sampler maps positions to the latent grid (position / 8 at the model's size).
struct DiffusionTrack {
  std::vector<float> x;  // one entry per pass frame
  std::vector<float> y;
  std::vector<uint8_t> visible;  // nonzero: the position is known in that frame
};

struct DiffusionPassRequest {
  Frame first;  // RGB 4:4:4 (any bit depth): the condition at pass frame 0
  Frame last;   // RGB 4:4:4, same size: the condition at the pass's last frame
  int frames = 16;
  std::vector<DiffusionStep> steps;
  double cfg_scale = 7.5;         // classifier-free guidance; 1: the conditional branch alone
  double guidance_rescale = 0.7;  // Lin et al. 2023 rescale of the CFG output; 0: off
  int64_t frame_stride = 5;       // the denoiser's fs input
  uint64_t seed = 1;              // initial latent and DDIM noise (drawn on the CPU)
  std::vector<DiffusionTrack> tracks;
  // Per pass frame: weight of the L1 term towards the window at the track's start in frame 0
  // and towards the window at its end in the last frame (docs/diffusion.md).
  std::vector<double> start_weight;
  std::vector<double> end_weight;
  int window = 5;  // latent window side
};

struct DiffusionPassResult {
  std::vector<Frame> frames;  // `frames` RGB frames, the conditions' size and bit depth
  // The trajectory-alignment loss of each step's x0 prediction (steps.size() entries), whether or
  // not guidance was applied: the last is the loss of the latent that was decoded.
  std::vector<double> alignment_loss;
  double sample_alignment_loss = 0;  // the loss of the final latent (the one decoded)
};

}  // namespace tgvc
