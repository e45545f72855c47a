#include "codecs/tgvc/torch/api/tgvc_torch_loader.h"

#include "harness/core/error.h"
#include "harness/torch/api/torch_plugin_loader.h"

namespace tgvc {

const TgvcTorchBackend& require_tgvc_torch_backend(const std::string& what) {
  const TorchPluginHandle& h = torch_plugin();
  if (!h.plugin) throw Error(what + " needs LibTorch: " + h.error);
  return *h.plugin->tgvc;
}

}  // namespace tgvc
