// Finds and loads libtgvc_torch.so (the LibTorch layer) once per process, through harness/core's
// plugin loader. Candidates, in order: $TGVC_TORCH_PLUGIN; the library this build produced; beside
// the executable; ../lib/tgvc-bench/ beside it; the system's library path.
#pragma once

#include <string>
#include <vector>

#include "harness/torch/api/torch_plugin.h"

namespace tgvc {

struct TorchPluginHandle {
  const TorchPlugin* plugin = nullptr;  // null when it could not be loaded
  std::string error;                    // why not: each candidate tried and why it was refused
};

// Loads once per process (thread-safe); later calls return the same handle.
const TorchPluginHandle& torch_plugin();

// Where it looks, in order.
std::vector<std::string> torch_plugin_candidates();

// One uncached attempt over `candidates`, asking for `abi_version` (tests use other versions and
// missing files; the product calls torch_plugin()).
TorchPluginHandle load_torch_plugin(const std::vector<std::string>& candidates,
                                    int abi_version = kTorchPluginAbiVersion);

}  // namespace tgvc
