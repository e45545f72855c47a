// Finds and loads libtgvc_tgvc_torch.so (the LibTorch half of T-GVC's TorchScript embedder and
// tracker) on first use. Candidates, in order: $TGVC_TORCH_BACKEND; the library this build
// produced; beside the executable; ../lib/tgvc-bench/ beside it; the system's library path.
#pragma once

#include <string>
#include <vector>

#include "codecs/tgvc/torch/tgvc_torch_backend.h"

namespace tgvc {

struct TgvcTorchHandle {
  const TgvcTorchBackend* backend = nullptr;  // null when it could not be loaded
  std::string error;                          // why not
};

// Loads once per process (thread-safe); later calls return the same handle.
const TgvcTorchHandle& tgvc_torch_backend();

// Where it looks, in order.
std::vector<std::string> tgvc_torch_backend_candidates();

// The backend, or tgvc::Error saying that `what` (e.g. "tgvc embedder") needs it and why it could
// not be loaded.
const TgvcTorchBackend& require_tgvc_torch_backend(const std::string& what);

}  // namespace tgvc
