#include "harness/metrics/rate.h"

namespace tgvc {

Rate compute_rate(uint64_t bytes, int width, int height, int frames, double fps) {
  Rate r;
  r.bits = bytes * 8;
  const double pixels = static_cast<double>(width) * height * frames;
  r.bpp = pixels > 0 ? static_cast<double>(r.bits) / pixels : 0;
  r.kbps = frames > 0 ? static_cast<double>(r.bits) * fps / frames / 1000.0 : 0;
  return r;
}

const std::vector<ValueSpec>& rate_value_specs() {
  static const std::vector<ValueSpec> specs = {lower_is_better("bits", "bits"), lower_is_better("bpp", "bpp"),
                                               lower_is_better("kbps", "kbps")};
  return specs;
}

std::optional<ValueSpec> find_rate_spec(const std::string& name) {
  for (const ValueSpec& spec : rate_value_specs()) {
    if (spec.name == name) return spec;
  }
  if (name.rfind(kRateComponentPrefix, 0) == 0) return lower_is_better(name, "bits");
  return std::nullopt;
}

bool is_rate_value(const std::string& name) {
  return find_rate_spec(name).has_value();
}

}  // namespace tgvc
