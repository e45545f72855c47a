// File names built from user text (dataset, sequence, codec names): the runner writes with this
// rule and the report reads with it.
#pragma once

#include <string>

namespace tgvc {

// Replaces every character outside [A-Za-z0-9._=-] by '_'.
std::string file_safe(const std::string& text);

}  // namespace tgvc
