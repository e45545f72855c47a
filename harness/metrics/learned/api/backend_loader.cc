#include "harness/metrics/learned/api/backend_loader.h"

#include "harness/core/plugin_loader.h"

namespace tgvc {
namespace {

constexpr const char* kLibrary = "libtgvc_learned.so";

BackendHandle load() {
  BackendHandle h;
  std::string tried;
  if (void* symbol = load_plugin_symbol(learned_backend_candidates(), kLearnedBackendSymbol, &tried)) {
    h.backend = reinterpret_cast<const LearnedBackend* (*)()>(symbol)();
    return h;
  }
#ifdef TGVC_LEARNED_BACKEND_PATH
  h.error = "the learned-metrics library (LibTorch) could not be loaded; tried:" + tried;
#else
  h.error =
      "this build has no learned-metrics library (LibTorch was not found when it was configured); tried:" +
      tried;
#endif
  return h;
}

}  // namespace

std::vector<std::string> learned_backend_candidates() {
#ifdef TGVC_LEARNED_BACKEND_PATH
  return plugin_candidates(kLibrary, "TGVC_LEARNED_BACKEND", TGVC_LEARNED_BACKEND_PATH);
#else
  return plugin_candidates(kLibrary, "TGVC_LEARNED_BACKEND", "");
#endif
}

const BackendHandle& learned_backend() {
  static const BackendHandle handle = load();
  return handle;
}

}  // namespace tgvc
