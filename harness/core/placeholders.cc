#include "harness/core/placeholders.h"

namespace tgvc {
namespace {

// Calls `literal(c)` for plain characters and `use(name, offset)` for each placeholder; returns
// the offset of a malformed brace, if any.
template <class Literal, class Use>
std::optional<size_t> walk(const std::string& text, Literal literal, Use use) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') {
      literal('{');
      ++i;
    } else if (c == '}' && i + 1 < text.size() && text[i + 1] == '}') {
      literal('}');
      ++i;
    } else if (c == '{') {
      const size_t close = text.find('}', i + 1);
      const size_t reopen = text.find('{', i + 1);
      if (close == std::string::npos || close == i + 1 || reopen < close) return i;
      use(text.substr(i + 1, close - i - 1), i);
      i = close;
    } else if (c == '}') {
      return i;
    } else {
      literal(c);
    }
  }
  return std::nullopt;
}

}  // namespace

PlaceholderScan scan_placeholders(const std::string& text) {
  PlaceholderScan scan;
  scan.malformed_at = walk(
      text, [](char) {},
      [&](const std::string& name, size_t at) {
        scan.uses.push_back({name, at});
      });
  return scan;
}

std::string substitute_placeholders(const std::string& text,
                                    const std::map<std::string, std::string>& values) {
  std::string out;
  walk(
      text, [&](char c) { out += c; },
      [&](const std::string& name, size_t) {
        const auto it = values.find(name);
        out += it == values.end() ? "{" + name + "}" : it->second;
      });
  return out;
}

}  // namespace tgvc
