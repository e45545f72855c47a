// Finding and opening the project's own shared libraries at run time (the LibTorch layer,
// libtgvc_torch.so), so programs that never compute with LibTorch do not pay its start-up.
//
// A plugin exports one C entry point, `const PluginTableHeader* ENTRY(int abi_version)`, which
// returns its table of interfaces. The table starts with a PluginTableHeader carrying the ABI
// version the library was built with; a library asked for another version returns a table with
// only the header set, so the loader can name both versions instead of calling into a stale
// layout.
#pragma once

#include <string>
#include <vector>

namespace tgvc {

// The first member of every plugin table, at every ABI version.
struct PluginTableHeader {
  int abi_version = 0;
};

// A plugin's entry point (see above).
using PluginEntry = const PluginTableHeader* (*)(int abi_version);

// Where to look for `library`, in order: the path in environment variable `env_var` when set,
// `build_path` (the build's own output) when not empty, beside the executable, in
// ../lib/tgvc-bench/ beside it, then the system's search path.
std::vector<std::string> plugin_candidates(const std::string& library, const std::string& env_var,
                                           const std::string& build_path);

struct LoadedPlugin {
  const PluginTableHeader* table = nullptr;  // null when no candidate gave a table
  std::string path;                          // the candidate whose table this is
  std::string tried;                         // "\n  CANDIDATE: why not" for each refused candidate
};

// Opens the candidates in order and returns the table of the first whose `entry_symbol` answers
// with `abi_version` (the library stays loaded for the life of the process). A candidate that
// cannot be opened, lacks the symbol or reports another ABI version (named with both versions)
// is listed in `tried` and the next one is tried.
LoadedPlugin load_plugin(const std::vector<std::string>& candidates, const std::string& entry_symbol,
                         int abi_version);

}  // namespace tgvc
