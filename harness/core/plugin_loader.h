// Finding and opening the project's own shared libraries at run time (the LibTorch halves), so
// programs that never compute with LibTorch do not pay its start-up.
#pragma once

#include <string>
#include <vector>

namespace tgvc {

// Where to look for `library`, in order: the path in environment variable `env_var` when set,
// `build_path` (the build's own output) when not empty, beside the executable, in
// ../lib/tgvc-bench/ beside it, then the system's search path.
std::vector<std::string> plugin_candidates(const std::string& library, const std::string& env_var,
                                           const std::string& build_path);

// Opens the first candidate that exports `symbol` and returns the symbol's address (the library
// stays loaded for the life of the process), or nullptr with `tried` listing each failure.
void* load_plugin_symbol(const std::vector<std::string>& candidates, const std::string& symbol,
                         std::string* tried);

}  // namespace tgvc
