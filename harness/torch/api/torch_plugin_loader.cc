#include "harness/torch/api/torch_plugin_loader.h"

namespace tgvc {

TorchPluginHandle load_torch_plugin(const std::vector<std::string>& candidates, int abi_version) {
  TorchPluginHandle h;
  const LoadedPlugin loaded = load_plugin(candidates, kTorchPluginEntry, abi_version);
  if (loaded.table) {
    // The header is the table's first member, so its address is the table's.
    h.plugin = reinterpret_cast<const TorchPlugin*>(loaded.table);
    return h;
  }
#ifdef TGVC_TORCH_PLUGIN_PATH
  h.error = std::string("the LibTorch plugin ") + kTorchPluginLibrary +
            " could not be loaded; tried:" + loaded.tried;
#else
  h.error = std::string("this build has no LibTorch plugin ") + kTorchPluginLibrary +
            " (LibTorch was not found when it was configured; Debian: libtorch-dev); tried:" + loaded.tried;
#endif
  return h;
}

std::vector<std::string> torch_plugin_candidates() {
#ifdef TGVC_TORCH_PLUGIN_PATH
  return plugin_candidates(kTorchPluginLibrary, "TGVC_TORCH_PLUGIN", TGVC_TORCH_PLUGIN_PATH);
#else
  return plugin_candidates(kTorchPluginLibrary, "TGVC_TORCH_PLUGIN", "");
#endif
}

const TorchPluginHandle& torch_plugin() {
  static const TorchPluginHandle handle = load_torch_plugin(torch_plugin_candidates());
  return handle;
}

}  // namespace tgvc
