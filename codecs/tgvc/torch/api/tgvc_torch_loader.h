// T-GVC's part of the LibTorch layer (libtgvc_torch.so: the TorchScript embedder and tracker and
// the diffusion sampler), loaded on first use through harness/torch/api/torch_plugin_loader.h.
#pragma once

#include <string>

#include "harness/torch/api/tgvc_torch_backend.h"

namespace tgvc {

// The backend, or tgvc::Error saying that `what` (e.g. "tgvc embedder") needs it and why it could
// not be loaded.
const TgvcTorchBackend& require_tgvc_torch_backend(const std::string& what);

}  // namespace tgvc
