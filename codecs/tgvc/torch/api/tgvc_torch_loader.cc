#include "codecs/tgvc/torch/api/tgvc_torch_loader.h"

#include "harness/core/error.h"
#include "harness/core/plugin_loader.h"

namespace tgvc {
namespace {

constexpr const char* kLibrary = "libtgvc_tgvc_torch.so";

TgvcTorchHandle load() {
  TgvcTorchHandle h;
  std::string tried;
  if (void* symbol = load_plugin_symbol(tgvc_torch_backend_candidates(), kTgvcTorchBackendSymbol, &tried)) {
    h.backend = reinterpret_cast<const TgvcTorchBackend* (*)()>(symbol)();
    return h;
  }
#ifdef TGVC_TORCH_BACKEND_PATH
  h.error = "the T-GVC TorchScript library (LibTorch) could not be loaded; tried:" + tried;
#else
  h.error =
      "this build has no T-GVC TorchScript library (LibTorch was not found when it was configured; Debian: "
      "libtorch-dev); tried:" +
      tried;
#endif
  return h;
}

}  // namespace

std::vector<std::string> tgvc_torch_backend_candidates() {
#ifdef TGVC_TORCH_BACKEND_PATH
  return plugin_candidates(kLibrary, "TGVC_TORCH_BACKEND", TGVC_TORCH_BACKEND_PATH);
#else
  return plugin_candidates(kLibrary, "TGVC_TORCH_BACKEND", "");
#endif
}

const TgvcTorchHandle& tgvc_torch_backend() {
  static const TgvcTorchHandle handle = load();
  return handle;
}

const TgvcTorchBackend& require_tgvc_torch_backend(const std::string& what) {
  const TgvcTorchHandle& h = tgvc_torch_backend();
  if (!h.backend) throw Error(what + " needs LibTorch: " + h.error);
  return *h.backend;
}

}  // namespace tgvc
