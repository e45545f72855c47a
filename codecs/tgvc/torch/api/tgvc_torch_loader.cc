#include "codecs/tgvc/torch/api/tgvc_torch_loader.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>

#include "harness/core/error.h"

namespace tgvc {
namespace {

constexpr const char* kLibrary = "libtgvc_tgvc_torch.so";

std::string executable_directory() {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  const std::string path(buf, static_cast<size_t>(n));
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

TgvcTorchHandle load() {
  TgvcTorchHandle h;
  std::string tried;
  for (const std::string& candidate : tgvc_torch_backend_candidates()) {
    void* lib = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      const char* e = ::dlerror();
      tried += "\n  " + candidate + ": " + (e ? e : "cannot load");
      continue;
    }
    using Entry = const TgvcTorchBackend* (*)();
    auto entry = reinterpret_cast<Entry>(::dlsym(lib, kTgvcTorchBackendSymbol));
    if (!entry) {
      tried += "\n  " + candidate + ": no " + kTgvcTorchBackendSymbol + " (a library from another version?)";
      continue;
    }
    h.backend = entry();  // the library stays loaded for the life of the process
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
  std::vector<std::string> out;
  if (const char* env = std::getenv("TGVC_TORCH_BACKEND"); env && *env) out.push_back(env);
#ifdef TGVC_TORCH_BACKEND_PATH
  out.push_back(TGVC_TORCH_BACKEND_PATH);
#endif
  const std::string dir = executable_directory();
  if (!dir.empty()) {
    out.push_back(dir + "/" + kLibrary);
    out.push_back(dir + "/../lib/tgvc-bench/" + kLibrary);
  }
  out.push_back(kLibrary);
  return out;
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
