#include "harness/core/file_names.h"

#include <cctype>

namespace tgvc {

std::string file_safe(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    const bool keep =
        std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '=' || c == '-';
    if (!keep) c = '_';
  }
  return out;
}

}  // namespace tgvc
