// Rounding a computed value to a sample code, for the per-sample loops of conversions and
// generators.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tgvc {

// std::clamp(std::lround(v), 0, max) for a whole `max` below 2^16, without the libm call per
// sample (it dominated the loops that call it): v - trunc(v) is exact, so the half-away-from-zero
// rounding is the same. NaN gives 0. Written as selects in this order, with the rounding step
// added as an integer, so that GCC vectorises a loop of it (other forms leave a branch).
inline uint16_t rounded_sample(double v, double max) {
  const double positive = v > 0 ? v : 0;
  const double clamped = positive < max ? positive : max;
  const auto whole = static_cast<int32_t>(clamped);
  const int32_t up = clamped - static_cast<double>(whole) >= 0.5;
  return static_cast<uint16_t>(whole + up);
}

// out[i] = rounded_sample(offset + scale * values[i], max) for i < count, vectorised.
void round_scaled_samples(const double* values, size_t count, double offset, double scale, double max,
                          uint16_t* out);

}  // namespace tgvc
