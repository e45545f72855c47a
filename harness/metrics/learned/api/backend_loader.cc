#include "harness/metrics/learned/api/backend_loader.h"

#include "harness/torch/api/torch_plugin_loader.h"

namespace tgvc {

const BackendHandle& learned_backend() {
  static const BackendHandle handle = [] {
    const TorchPluginHandle& plugin = torch_plugin();
    return BackendHandle{plugin.plugin ? plugin.plugin->metrics : nullptr, plugin.error};
  }();
  return handle;
}

}  // namespace tgvc
