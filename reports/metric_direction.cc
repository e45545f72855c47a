#include "reports/metric_direction.h"

namespace tgvc {
namespace {

bool starts_with(const std::string& text, const char* prefix) {
  return text.rfind(prefix, 0) == 0;
}

}  // namespace

bool is_rate_value(const std::string& name) {
  return starts_with(name, "bits") || name == "bpp" || name == "kbps";
}

bool metric_higher_is_better(const std::string& name) {
  if (is_rate_value(name)) return false;
  return !(starts_with(name, "lpips") || starts_with(name, "dists") || starts_with(name, "fvd") ||
           starts_with(name, "trajectory_error"));
}

}  // namespace tgvc
