#include "harness/core/compare_tolerance_rules.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace tgvc {
namespace {

size_t literal_count(const std::string& pattern) {
  return pattern.size() - static_cast<size_t>(std::count(pattern.begin(), pattern.end(), '*'));
}

bool has_wildcard(const std::string& pattern) {
  return pattern.find('*') != std::string::npos;
}

}  // namespace

bool glob_match(const std::string& pattern, const std::string& name) {
  // Greedy match with one backtrack point (the last '*'): linear in practice, never exponential.
  size_t p = 0, n = 0, star = std::string::npos, resume = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = n;
    } else if (p < pattern.size() && pattern[p] == name[n]) {
      ++p;
      ++n;
    } else if (star != std::string::npos) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

const Tolerance& tolerance_for(const Tolerances& tolerances, const std::string& name) {
  const Tolerance* best = nullptr;
  for (const Tolerance& rule : tolerances.rules) {
    if (!glob_match(rule.pattern, name)) continue;
    if (!has_wildcard(rule.pattern)) return rule;
    if (!best || literal_count(rule.pattern) > literal_count(best->pattern)) best = &rule;
  }
  return best ? *best : tolerances.fallback;
}

bool is_ignored(const Tolerances& tolerances, const std::string& name) {
  return std::any_of(tolerances.ignore.begin(), tolerances.ignore.end(),
                     [&](const std::string& pattern) { return glob_match(pattern, name); });
}

double allowed_worsening(const Tolerance& tolerance, double base) {
  double allowed = 0;
  if (tolerance.has_abs) allowed = std::max(allowed, tolerance.abs);
  if (tolerance.has_rel && std::isfinite(base)) allowed = std::max(allowed, tolerance.rel * std::fabs(base));
  return allowed;
}

std::string tolerance_text(const Tolerance& tolerance) {
  const std::string abs = fmt::format("abs {}", tolerance.abs);
  const std::string rel = fmt::format("rel {}%", tolerance.rel * 100);
  if (tolerance.has_abs && tolerance.has_rel) return abs + " or " + rel;
  if (tolerance.has_rel) return rel;
  if (tolerance.has_abs) return abs;
  return "none";
}

}  // namespace tgvc
