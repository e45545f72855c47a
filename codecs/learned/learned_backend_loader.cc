#include "codecs/learned/learned_backend_loader.h"

#include "harness/core/error.h"

namespace tgvc::learned {

const LearnedTorchBackend& learned_backend_of(const TorchPluginHandle& handle, const std::string& what) {
  if (!handle.plugin) throw Error(what + " needs LibTorch: " + handle.error);
  return *handle.plugin->learned_codecs;
}

const LearnedTorchBackend& require_learned_backend(const std::string& what) {
  return learned_backend_of(torch_plugin(), what);
}

}  // namespace tgvc::learned
