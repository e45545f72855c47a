#include "harness/metrics/learned/api/backend_loader.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <mutex>

namespace tgvc {
namespace {

constexpr const char* kLibrary = "libtgvc_learned.so";

std::string executable_directory() {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  std::string path(buf, static_cast<size_t>(n));
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

BackendHandle load() {
  BackendHandle h;
  std::string tried;
  for (const std::string& candidate : learned_backend_candidates()) {
    void* lib = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      const char* e = ::dlerror();
      tried += "\n  " + candidate + ": " + (e ? e : "cannot load");
      continue;
    }
    using Entry = const LearnedBackend* (*)();
    auto entry = reinterpret_cast<Entry>(::dlsym(lib, kLearnedBackendSymbol));
    if (!entry) {
      tried += "\n  " + candidate + ": no " + kLearnedBackendSymbol + " (a library from another version?)";
      continue;
    }
    h.backend = entry();  // the library stays loaded for the life of the process
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
  std::vector<std::string> out;
  if (const char* env = std::getenv("TGVC_LEARNED_BACKEND"); env && *env) out.push_back(env);
#ifdef TGVC_LEARNED_BACKEND_PATH
  out.push_back(TGVC_LEARNED_BACKEND_PATH);
#endif
  const std::string dir = executable_directory();
  if (!dir.empty()) {
    out.push_back(dir + "/" + kLibrary);
    out.push_back(dir + "/../lib/tgvc-bench/" + kLibrary);
  }
  out.push_back(kLibrary);
  return out;
}

const BackendHandle& learned_backend() {
  static const BackendHandle handle = load();
  return handle;
}

}  // namespace tgvc
