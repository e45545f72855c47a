// T-GVC's part of libtgvc_torch.so, as the plugin's entry lists it.
#pragma once

#include "harness/torch/api/tgvc_torch_backend.h"

namespace tgvc {

// The process-lifetime TgvcTorchBackend (TorchScript embedder and tracker, diffusion sampler).
const TgvcTorchBackend& tgvc_models_part();

}  // namespace tgvc
