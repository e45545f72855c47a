#include "harness/config/compare_tolerances.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "harness/config/yaml_fields.h"
#include "harness/core/atomic_file.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

double bound(const YAML::Node& rule, const std::string& key, const std::string& file,
             const std::string& context) {
  const std::string text = required_string(rule, key, file, context);
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || errno != 0 || !std::isfinite(value) || value < 0) {
    throw InputError(position_of(rule[key], file).str() + ": " + context + "." + key,
                     "a number >= 0" + std::string(key == "rel" ? " (a fraction: 0.01 is 1%)" : ""),
                     "'" + text + "'");
  }
  return value;
}

Tolerance parse_rule(const YAML::Node& rule, const std::string& pattern, const std::string& file,
                     const std::string& context) {
  require_map(rule, file, context);
  require_known_keys(rule, {"abs", "rel"}, file, context);
  Tolerance t;
  t.pattern = pattern;
  t.has_abs = static_cast<bool>(rule["abs"]);
  t.has_rel = static_cast<bool>(rule["rel"]);
  if (!t.has_abs && !t.has_rel)
    throw InputError(position_of(rule, file).str() + ": " + context, "abs and/or rel", "{}");
  if (t.has_abs) t.abs = bound(rule, "abs", file, context);
  if (t.has_rel) t.rel = bound(rule, "rel", file, context);
  return t;
}

void check_pattern(const YAML::Node& node, const std::string& pattern, const std::string& file,
                   const std::string& context) {
  if (pattern.empty())
    throw InputError(position_of(node, file).str() + ": " + context, "a value name or glob", "''");
}

}  // namespace

Tolerances parse_tolerances(const std::string& text, const std::string& file) {
  const YAML::Node doc = parse_yaml(text, file);
  Tolerances out;
  if (!doc || doc.IsNull()) return out;
  require_map(doc, file, "tolerances");
  require_known_keys(doc, {"default", "metrics", "ignore"}, file, "tolerances");
  if (doc["default"]) out.fallback = parse_rule(doc["default"], "default", file, "default");
  if (const YAML::Node metrics = doc["metrics"]; metrics && !metrics.IsNull()) {
    require_map(metrics, file, "metrics");
    for (const auto& entry : metrics) {
      if (!entry.first.IsScalar()) {
        throw InputError(position_of(entry.first, file).str() + ": metrics", "a value name or glob",
                         "not a scalar");
      }
      const std::string pattern = entry.first.Scalar();
      check_pattern(entry.first, pattern, file, "metrics");
      for (const Tolerance& earlier : out.rules) {
        if (earlier.pattern == pattern) {
          throw InputError(position_of(entry.first, file).str() + ": metrics", "each pattern once",
                           "'" + pattern + "' again");
        }
      }
      out.rules.push_back(parse_rule(entry.second, pattern, file, "metrics." + pattern));
    }
  }
  if (const YAML::Node ignore = doc["ignore"]; ignore && !ignore.IsNull()) {
    require_sequence(ignore, file, "ignore");
    for (size_t i = 0; i < ignore.size(); ++i) {
      const std::string context = "ignore[" + std::to_string(i) + "]";
      if (!ignore[i].IsScalar())
        throw InputError(position_of(ignore[i], file).str() + ": " + context, "a value name or glob",
                         "not a scalar");
      check_pattern(ignore[i], ignore[i].Scalar(), file, context);
      out.ignore.push_back(ignore[i].Scalar());
    }
  }
  return out;
}

Tolerances load_tolerances(const std::string& path) {
  return parse_tolerances(read_file(path), path);
}

}  // namespace tgvc
