// {NAME} placeholders in the argv of an external codec (docs/codecs.md, "External codecs").
// `{{` and `}}` stand for literal braces.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tgvc {

// One placeholder of a text: its name and the offset of its `{`.
struct PlaceholderUse {
  std::string name;
  size_t offset = 0;
};

// The placeholders `text` holds, in order. A `{` that is not closed, a lone `}` or an empty name
// is reported as a use with the name `text` cannot form: nothing when the text is well formed.
struct PlaceholderScan {
  std::vector<PlaceholderUse> uses;
  std::optional<size_t> malformed_at;  // offset of a brace that opens or closes nothing
};
PlaceholderScan scan_placeholders(const std::string& text);

// `text` with every {NAME} replaced by values.at(NAME) and {{ }} by braces; a name `values` lacks
// is left as it was (the config loader has refused it before).
std::string substitute_placeholders(const std::string& text,
                                    const std::map<std::string, std::string>& values);

}  // namespace tgvc
