// The learned metrics' part of the LibTorch layer (libtgvc_torch.so), loaded on first use through
// harness/torch/api/torch_plugin_loader.h.
#pragma once

#include <string>

#include "harness/torch/api/learned_backend.h"

namespace tgvc {

struct BackendHandle {
  const LearnedBackend* backend = nullptr;  // null when it could not be loaded
  std::string error;                        // why not, for n/a reasons
};

// Loads once per process (thread-safe); later calls return the same handle.
const BackendHandle& learned_backend();

}  // namespace tgvc
