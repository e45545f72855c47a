#include "harness/core/plugin_loader.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>

namespace tgvc {
namespace {

std::string executable_directory() {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  const std::string path(buf, static_cast<size_t>(n));
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

}  // namespace

std::vector<std::string> plugin_candidates(const std::string& library, const std::string& env_var,
                                           const std::string& build_path) {
  std::vector<std::string> out;
  if (const char* env = std::getenv(env_var.c_str()); env && *env) out.push_back(env);
  if (!build_path.empty()) out.push_back(build_path);
  const std::string dir = executable_directory();
  if (!dir.empty()) {
    out.push_back(dir + "/" + library);
    out.push_back(dir + "/../lib/tgvc-bench/" + library);
  }
  out.push_back(library);
  return out;
}

void* load_plugin_symbol(const std::vector<std::string>& candidates, const std::string& symbol,
                         std::string* tried) {
  for (const std::string& candidate : candidates) {
    void* lib = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      const char* e = ::dlerror();
      *tried += "\n  " + candidate + ": " + (e ? e : "cannot load");
      continue;
    }
    if (void* entry = ::dlsym(lib, symbol.c_str())) return entry;
    *tried += "\n  " + candidate + ": no " + symbol + " (a library from another version?)";
  }
  return nullptr;
}

}  // namespace tgvc
