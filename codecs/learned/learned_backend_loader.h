// The learned codecs' part of the LibTorch layer (libtgvc_torch.so: a model export's stages and
// entropy tables), loaded on first use through harness/torch/api/torch_plugin_loader.h.
#pragma once

#include <string>

#include "harness/torch/api/learned_network.h"
#include "harness/torch/api/torch_plugin_loader.h"

namespace tgvc::learned {

// The backend, or tgvc::Error saying that `what` (e.g. "the learned codec") needs LibTorch and why
// the plugin could not be loaded (loaded once per process, thread-safe).
const LearnedTorchBackend& require_learned_backend(const std::string& what);

// The same from an explicit handle (tests pass one that failed to load).
const LearnedTorchBackend& learned_backend_of(const TorchPluginHandle& handle, const std::string& what);

}  // namespace tgvc::learned
