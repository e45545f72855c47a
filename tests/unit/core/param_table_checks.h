// Checks every typed parameter table passes (harness/core/param_table.h): its defaults are valid
// values, they round-trip through resolve -> parse -> texts, and each key, set alone to another
// valid value, reaches its own member (a row bound to the wrong member changes another key's text).
#pragma once

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "harness/core/param_table.h"

namespace tgvc::test {

// A valid value of `spec` other than its default.
inline std::string other_valid_value(const ParamSpec& spec) {
  if (spec.form == ParamForm::kList) return spec.default_value == "[\"other\"]" ? "[]" : "[\"other\"]";
  if (spec.form == ParamForm::kMap)
    return spec.default_value == "{\"k\":\"other\"}" ? "{}" : "{\"k\":\"other\"}";
  switch (spec.type) {
    case ParamType::kBool:
      return spec.default_value == "true" ? "false" : "true";
    case ParamType::kString:
      if (spec.choices.empty()) return spec.default_value == "other" ? "another" : "other";
      for (const std::string& c : spec.choices) {
        if (c != spec.default_value) return c;
      }
      return spec.default_value;
    case ParamType::kInt: {
      if (!spec.range) return spec.default_value == "7" ? "8" : "7";
      const std::string max = fmt::format("{}", static_cast<long long>(spec.range->max));
      return max != spec.default_value ? max : fmt::format("{}", static_cast<long long>(spec.range->min));
    }
    case ParamType::kReal: {
      if (!spec.range) return spec.default_value == "0.5" ? "0.25" : "0.5";
      const std::string max = fmt::format("{}", spec.range->max);
      return max != spec.default_value ? max : fmt::format("{}", spec.range->min);
    }
  }
  return spec.default_value;
}

template <class S>
void expect_table_round_trips(const ParamTable<S>& table, const std::string& name) {
  SCOPED_TRACE(name);
  for (const ParamSpec& spec : table.specs()) {
    if (spec.default_value.empty()) continue;
    EXPECT_FALSE(check_param_value(spec, spec.default_value).has_value())
        << spec.key << " default '" << spec.default_value << "'";
  }
  const ParamSet defaults = ParamSet::resolve(table.specs(), {}, name);
  EXPECT_EQ(table.texts(S{}), defaults.values());
  EXPECT_EQ(table.texts(table.parse(defaults)), defaults.values());
  for (const ParamSpec& spec : table.specs()) {
    const std::string other = other_valid_value(spec);
    ASSERT_NE(other, spec.default_value) << spec.key << ": no second valid value to try";
    const ParamSet set = ParamSet::resolve(table.specs(), {{spec.key, other}}, name);
    EXPECT_EQ(table.texts(table.parse(set)), set.values()) << spec.key << " = " << other;
  }
}

}  // namespace tgvc::test
