#include "harness/core/params.h"

#include <cassert>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "harness/core/error.h"
#include "harness/core/string_lists.h"
#include "harness/core/suggest.h"

namespace tgvc {
namespace {

bool parse_int(const std::string& s, int64_t* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  const long long v = std::strtoll(s.c_str(), &end, 10);
  if (errno != 0 || *end != '\0') return false;
  *out = v;
  return true;
}

bool parse_real(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(s.c_str(), &end);
  if (errno != 0 || *end != '\0' || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

}  // namespace

std::string describe_expected(const ParamSpec& spec) {
  if (spec.form == ParamForm::kList) return "a list of strings";
  if (spec.form == ParamForm::kMap) return "a mapping of strings";
  switch (spec.type) {
    case ParamType::kInt:
      return spec.range ? fmt::format("an integer in [{}, {}]", spec.range->min, spec.range->max)
                        : "an integer";
    case ParamType::kReal:
      return spec.range ? fmt::format("a number in [{}, {}]", spec.range->min, spec.range->max) : "a number";
    case ParamType::kBool:
      return "true or false";
    case ParamType::kString:
      return spec.choices.empty() ? "a string" : "one of " + join(spec.choices);
  }
  return "a value";
}

std::optional<std::string> check_param_value(const ParamSpec& spec, const std::string& value) {
  if (spec.form == ParamForm::kList) {
    if (parse_string_list(value)) return std::nullopt;
    return describe_expected(spec);
  }
  if (spec.form == ParamForm::kMap) {
    if (parse_string_map(value)) return std::nullopt;
    return describe_expected(spec);
  }
  bool ok = true;
  switch (spec.type) {
    case ParamType::kInt: {
      int64_t v = 0;
      ok = parse_int(value, &v) && (!spec.range || (v >= spec.range->min && v <= spec.range->max));
      break;
    }
    case ParamType::kReal: {
      double v = 0;
      ok = parse_real(value, &v) && (!spec.range || (v >= spec.range->min && v <= spec.range->max));
      break;
    }
    case ParamType::kBool:
      ok = value == "true" || value == "false";
      break;
    case ParamType::kString:
      if (!spec.choices.empty()) {
        ok = false;
        for (const std::string& c : spec.choices) ok = ok || c == value;
      }
      break;
  }
  if (ok) return std::nullopt;
  return describe_expected(spec);
}

const ParamSpec* find_param(const std::vector<ParamSpec>& specs, const std::string& key) {
  for (const ParamSpec& s : specs) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

ParamSet ParamSet::resolve(const std::vector<ParamSpec>& specs,
                           const std::map<std::string, std::string>& given, const std::string& where) {
  ParamSet set;
  for (const ParamSpec& s : specs) {
    if (!s.default_value.empty()) set.values_[s.key] = s.default_value;
  }
  const bool open = find_param(specs, kAnyOtherKey) != nullptr;
  for (const auto& [key, value] : given) {
    const ParamSpec* spec = find_param(specs, key);
    if (!spec && open && key != kAnyOtherKey) {
      set.values_[key] = value;
      continue;
    }
    if (!spec || key == kAnyOtherKey) {
      std::vector<std::string> keys;
      for (const ParamSpec& s : specs) {
        if (s.key != kAnyOtherKey) keys.push_back(s.key);
      }
      const std::string near = closest_match(key, keys);
      throw InputError(where + "." + key,
                       near.empty() ? "one of " + join(keys) : "'" + near + "' (valid: " + join(keys) + ")",
                       "unknown key '" + key + "'");
    }
    if (auto expected = check_param_value(*spec, value)) {
      throw InputError(where + "." + key, *expected, "'" + value + "'");
    }
    set.values_[key] = value;
  }
  return set;
}

int64_t ParamSet::get_int(const std::string& key) const {
  int64_t v = 0;
  const bool ok = parse_int(get_string(key), &v);
  assert(ok);
  (void)ok;
  return v;
}

double ParamSet::get_real(const std::string& key) const {
  double v = 0;
  const bool ok = parse_real(get_string(key), &v);
  assert(ok);
  (void)ok;
  return v;
}

bool ParamSet::get_bool(const std::string& key) const {
  return get_string(key) == "true";
}

const std::string& ParamSet::get_string(const std::string& key) const {
  auto it = values_.find(key);
  if (it == values_.end()) throw Error("parameter '" + key + "' is not set");
  return it->second;
}

}  // namespace tgvc
