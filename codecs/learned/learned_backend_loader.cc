#include "codecs/learned/learned_backend_loader.h"

#include "harness/core/error.h"
#include "harness/core/plugin_loader.h"

namespace tgvc::learned {
namespace {

constexpr const char* kLibrary = "libtgvc_learned_codec_torch.so";

struct Handle {
  const LearnedTorchBackend* backend = nullptr;
  std::string error;
};

Handle load() {
#ifdef TGVC_LEARNED_BACKEND_PATH
  const std::vector<std::string> candidates =
      plugin_candidates(kLibrary, "TGVC_LEARNED_CODEC_BACKEND", TGVC_LEARNED_BACKEND_PATH);
#else
  const std::vector<std::string> candidates = plugin_candidates(kLibrary, "TGVC_LEARNED_CODEC_BACKEND", "");
#endif
  Handle h;
  std::string tried;
  if (void* symbol = load_plugin_symbol(candidates, kLearnedTorchBackendSymbol, &tried)) {
    h.backend = reinterpret_cast<const LearnedTorchBackend* (*)()>(symbol)();
    return h;
  }
#ifdef TGVC_LEARNED_BACKEND_PATH
  h.error = "the learned codecs' LibTorch library could not be loaded; tried:" + tried;
#else
  h.error =
      "this build has no learned-codec LibTorch library (LibTorch was not found when it was configured; "
      "Debian: libtorch-dev); tried:" +
      tried;
#endif
  return h;
}

}  // namespace

const LearnedTorchBackend& require_learned_backend(const std::string& what) {
  static const Handle handle = load();
  if (!handle.backend) throw Error(what + " needs LibTorch: " + handle.error);
  return *handle.backend;
}

}  // namespace tgvc::learned
