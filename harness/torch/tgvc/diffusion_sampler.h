// The diffusion generator's LibTorch half: one pass of DynamiCrafter-style DDIM sampling between
// two condition frames (docs/diffusion.md). Per step, in order:
// 1. trajectory guidance: z_t -= guidance_step * d L / d x0_prev (diffusion_guidance.h), where
//    x0_prev is the previous step's x0 prediction (none before the first step);
// 2. the denoiser on the conditional and unconditional branches in one batch of two;
//    v = v_u + cfg (v_c - v_u), then the guidance rescale of Lin et al. 2023 towards v_c's std;
// 3. v-prediction: x0 = sqrt(a) z - sqrt(1 - a) v, eps = sqrt(a) v + sqrt(1 - a) z;
//    x0 *= x0_rescale (DynamiCrafter's dynamic rescale);
// 4. DDIM: z = sqrt(a_prev) x0 + sqrt(1 - a_prev - sigma^2) eps + sigma * noise.
// The initial latent and every step's noise are drawn on the CPU from one generator seeded with
// the request's seed, so a pass is the same on every device up to floating-point rounding.
#pragma once

#include <memory>
#include <string>

#include "harness/torch/api/tgvc_torch_backend.h"

namespace tgvc {

std::shared_ptr<const TorchDiffusionModel> load_torch_diffusion(const DiffusionModelFiles& files,
                                                                const std::string& device);

}  // namespace tgvc
