// Rounding a computed value to a sample code, for the per-sample loops of conversions and
// generators.
#pragma once

#include <cstdint>

namespace tgvc {

// std::clamp(std::lround(v), 0, max) without the libm call per sample (it dominated the loops
// that call it): v - trunc(v) is exact, so the half-away-from-zero rounding is the same. NaN gives 0.
inline uint16_t rounded_sample(double v, double max) {
  if (!(v > 0)) return 0;
  if (v >= max) return static_cast<uint16_t>(max);
  const auto whole = static_cast<int64_t>(v);
  return static_cast<uint16_t>(whole + (v - static_cast<double>(whole) >= 0.5 ? 1 : 0));
}

}  // namespace tgvc
