#include "harness/config/yaml_fields.h"

#include <cerrno>
#include <cstdlib>

#include "harness/core/error.h"
#include "harness/core/suggest.h"

namespace tgvc {

std::string SourcePos::str() const {
  if (line <= 0) return file;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

SourcePos position_of(const YAML::Node& node, const std::string& file) {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

namespace {

const char* kind_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Scalar:
      return "a scalar";
    case YAML::NodeType::Null:
      return "nothing";
    case YAML::NodeType::Undefined:
      return "nothing";
  }
  return "?";
}

YAML::Node field(const YAML::Node& map, const std::string& key) {
  // operator[] on a const node never inserts.
  return map[key];
}

}  // namespace

std::string key_text(const YAML::Node& key, const std::string& file, const std::string& context) {
  if (!key.IsScalar()) {
    throw InputError(position_of(key, file).str() + ": " + context, "a scalar key", kind_name(key));
  }
  return key.Scalar();
}

void require_known_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                        const std::string& file, const std::string& context) {
  for (const auto& entry : map) {
    const std::string key = key_text(entry.first, file, context);
    bool known = false;
    for (const std::string& a : allowed) known = known || a == key;
    if (known) continue;
    const std::string near = closest_match(key, allowed);
    const std::string expected =
        near.empty() ? "one of " + join(allowed) : "'" + near + "' (valid keys: " + join(allowed) + ")";
    throw InputError(position_of(entry.first, file).str() + ": " + context, expected,
                     "unknown key '" + key + "'");
  }
}

void require_map(const YAML::Node& node, const std::string& file, const std::string& context) {
  if (!node.IsMap())
    throw InputError(position_of(node, file).str() + ": " + context, "a mapping", kind_name(node));
}

void require_sequence(const YAML::Node& node, const std::string& file, const std::string& context) {
  if (!node.IsSequence())
    throw InputError(position_of(node, file).str() + ": " + context, "a list", kind_name(node));
}

std::string required_string(const YAML::Node& map, const std::string& key, const std::string& file,
                            const std::string& context) {
  const YAML::Node value = field(map, key);
  if (!value) throw InputError(position_of(map, file).str() + ": " + context, "a key '" + key + "'", "none");
  if (!value.IsScalar()) {
    throw InputError(position_of(value, file).str() + ": " + context + "." + key, "a scalar",
                     kind_name(value));
  }
  return value.Scalar();
}

std::string optional_string(const YAML::Node& map, const std::string& key, const std::string& fallback,
                            const std::string& file, const std::string& context) {
  if (!field(map, key)) return fallback;
  return required_string(map, key, file, context);
}

int required_int(const YAML::Node& map, const std::string& key, int min, int max, const std::string& file,
                 const std::string& context) {
  const std::string text = required_string(map, key, file, context);
  char* end = nullptr;
  errno = 0;
  const long value = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno != 0 || value < min || value > max) {
    throw InputError(position_of(field(map, key), file).str() + ": " + context + "." + key,
                     "an integer in [" + std::to_string(min) + ", " + std::to_string(max) + "]",
                     "'" + text + "'");
  }
  return static_cast<int>(value);
}

int optional_int(const YAML::Node& map, const std::string& key, int fallback, int min, int max,
                 const std::string& file, const std::string& context) {
  if (!field(map, key)) return fallback;
  return required_int(map, key, min, max, file, context);
}

std::map<std::string, std::string> scalar_map(const YAML::Node& map, const std::string& file,
                                              const std::string& context) {
  std::map<std::string, std::string> out;
  if (!map || map.IsNull()) return out;
  require_map(map, file, context);
  for (const auto& entry : map) {
    const std::string key = key_text(entry.first, file, context);
    if (!entry.second.IsScalar()) {
      throw InputError(position_of(entry.second, file).str() + ": " + context + "." + key, "a scalar",
                       kind_name(entry.second));
    }
    out[key] = entry.second.Scalar();
  }
  return out;
}

YAML::Node parse_yaml(const std::string& text, const std::string& file) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    const SourcePos pos{file, e.mark.line + 1, e.mark.column + 1};
    throw InputError(pos.str(), "valid YAML", e.msg);
  }
}

}  // namespace tgvc
