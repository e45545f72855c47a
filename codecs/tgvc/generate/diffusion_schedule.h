// The diffusion generator's noise schedule and DDIM step table (docs/diffusion.md, "Sampler"),
// computed without LibTorch: LDM's "linear" betas (a linspace of sqrt(beta), squared) rescaled to
// zero terminal SNR (Lin et al. 2023, algorithm 1), DynamiCrafter's "uniform_trailing" timesteps,
// DDIM sigmas with eta, DynamiCrafter's dynamic x0 rescale and T-GVC's guidance step sizes.
#pragma once

#include <string>
#include <vector>

#include "harness/torch/api/diffusion_request.h"

namespace tgvc {

// alpha_bar[t] for t = 0..timesteps-1; alpha_bar[timesteps - 1] is exactly 0.
std::vector<double> zero_snr_alphas_cumprod(int timesteps = 1000, double beta_start = 0.00085,
                                            double beta_end = 0.012);

// DynamiCrafter's "uniform_trailing" DDIM timesteps, ascending: round(T - k T / steps) - 1 for
// k = steps-1..0 (round half to even, as numpy), so the first sampling step is at T - 1.
std::vector<int> trailing_timesteps(int steps, int timesteps = 1000);

// Where the guidance step eta_g * (1 - alpha_bar[.]) reads alpha_bar at sampling step k (0 first):
// kLoopIndex: at the DDIM loop's index steps-1-k in the 1000-step table (the paper's code; for 50
// steps the step falls from about 1.5 to 0.03); kTimestep: at the step's timestep t_k.
enum class GuidanceAlpha { kLoopIndex, kTimestep };

struct DdimOptions {
  int steps = 50;
  double eta = 1.0;               // DDIM stochasticity (DynamiCrafter's interpolation script: 1)
  double guidance_strength = 30;  // eta_g; 0: no trajectory guidance
  GuidanceAlpha guidance_alpha = GuidanceAlpha::kLoopIndex;
  double base_scale = 0.7;  // DynamiCrafter-512's dynamic rescale (1: off)
  int turning_step = 400;   // ... reaching base_scale at this timestep
};

// The step table in sampling order (noisiest first). InputError (where = "diffusion schedule")
// for steps outside 1..timesteps or a table shorter than 2.
std::vector<DiffusionStep> ddim_steps(const std::vector<double>& alphas_cumprod, const DdimOptions& options);

// "loop-index" / "timestep".
GuidanceAlpha guidance_alpha_from(const std::string& name, const std::string& where);

}  // namespace tgvc
