// Lists and mappings of strings held as one text (a ParamSet value): JSON arrays and objects of
// strings, written canonically (no spaces; object keys in byte order) so that equal lists give
// equal texts and equal cache keys.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tgvc {

// ["a","b c"]: every byte kept; quotes, backslashes and control characters escaped as JSON does.
std::string format_string_list(const std::vector<std::string>& items);
// {"K":"V"} with keys in byte order.
std::string format_string_map(const std::map<std::string, std::string>& entries);

// The list or mapping a text holds; nothing when it is not a JSON array (object) of strings.
std::optional<std::vector<std::string>> parse_string_list(const std::string& text);
std::optional<std::map<std::string, std::string>> parse_string_map(const std::string& text);

}  // namespace tgvc
