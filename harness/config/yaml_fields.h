// Small helpers over yaml-cpp that turn every problem into an InputError at file:line:column.
#pragma once

#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "harness/config/experiment.h"

namespace tgvc {

SourcePos position_of(const YAML::Node& node, const std::string& file);

// Rejects keys of `map` not in `allowed`, naming the closest valid one. `context` names the
// section ("codecs[1]").
void require_known_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                        const std::string& file, const std::string& context);

// A mapping key as text; throws when the key is a list or a mapping (`{[a]: 1}`), which yaml-cpp
// cannot convert.
std::string key_text(const YAML::Node& key, const std::string& file, const std::string& context);

void require_map(const YAML::Node& node, const std::string& file, const std::string& context);
void require_sequence(const YAML::Node& node, const std::string& file, const std::string& context);

// A scalar field; throws when missing (for required_*) or not a scalar.
std::string required_string(const YAML::Node& map, const std::string& key, const std::string& file,
                            const std::string& context);
std::string optional_string(const YAML::Node& map, const std::string& key, const std::string& fallback,
                            const std::string& file, const std::string& context);
int optional_int(const YAML::Node& map, const std::string& key, int fallback, int min, int max,
                 const std::string& file, const std::string& context);
int required_int(const YAML::Node& map, const std::string& key, int min, int max, const std::string& file,
                 const std::string& context);

// A mapping of scalars (codec params, metric options) as strings.
std::map<std::string, std::string> scalar_map(const YAML::Node& map, const std::string& file,
                                              const std::string& context);

// Parses text, turning yaml-cpp's parse errors into InputError at the failing position.
YAML::Node parse_yaml(const std::string& text, const std::string& file);

}  // namespace tgvc
