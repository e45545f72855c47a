#include "harness/core/plugin_loader.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <string>

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

LoadedPlugin load_plugin(const std::vector<std::string>& candidates, const std::string& entry_symbol,
                         int abi_version) {
  LoadedPlugin out;
  for (const std::string& candidate : candidates) {
    void* lib = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      const char* e = ::dlerror();
      out.tried += "\n  " + candidate + ": " + (e ? e : "cannot load");
      continue;
    }
    void* symbol = ::dlsym(lib, entry_symbol.c_str());
    if (!symbol) {
      out.tried += "\n  " + candidate + ": no " + entry_symbol + " (a library from another version?)";
      continue;
    }
    const PluginTableHeader* table = reinterpret_cast<PluginEntry>(symbol)(abi_version);
    if (!table) {
      out.tried += "\n  " + candidate + ": " + entry_symbol + " gave no table";
      continue;
    }
    if (table->abi_version != abi_version) {
      out.tried += "\n  " + candidate + ": plugin ABI version " + std::to_string(table->abi_version) +
                   ", this program needs version " + std::to_string(abi_version) +
                   " (a library from another build: rebuild it or point to the matching one)";
      continue;
    }
    out.table = table;
    out.path = candidate;
    return out;
  }
  return out;
}

}  // namespace tgvc
