#include "harness/core/sample_rounding.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "harness/core/lcg.h"

namespace tgvc {
namespace {

// The definition: round half away from zero, clamped to [0, max]; NaN gives 0. The value is
// clamped first so that lround stays defined for huge inputs.
uint16_t clamped_lround(double v, double max) {
  if (std::isnan(v)) return 0;
  return static_cast<uint16_t>(
      std::clamp(std::lround(std::clamp(v, -1.0, max + 1)), 0L, static_cast<long>(max)));
}

// Every whole and half-way value of [-2, max + 2] and their neighbours one unit in the last place
// away (where a rounding shortcut would go wrong), infinities, NaN, huge values and random ones.
std::vector<double> probes(double max) {
  std::vector<double> v = {std::numeric_limits<double>::quiet_NaN(),
                           std::numeric_limits<double>::infinity(),
                           -std::numeric_limits<double>::infinity(),
                           1e300,
                           -1e300,
                           -0.0,
                           std::numeric_limits<double>::denorm_min(),
                           0.49999999999999994};
  for (double n = -2; n <= max + 2; n += 0.5) {
    v.push_back(n);
    v.push_back(std::nextafter(n, -1e9));
    v.push_back(std::nextafter(n, 1e9));
  }
  Lcg lcg(11);
  for (int i = 0; i < 20000; ++i) v.push_back(lcg.uniform() * (max + 4) - 2);
  return v;
}

TEST(SampleRounding, RoundedSampleIsClampedLround) {
  for (double max : {255.0, 1023.0, 4095.0, 65535.0}) {
    for (double v : probes(max))
      ASSERT_EQ(rounded_sample(v, max), clamped_lround(v, max)) << v << " max " << max;
  }
}

TEST(SampleRounding, RoundScaledSamplesRoundsEachScaledValue) {
  for (double max : {255.0, 1023.0, 65535.0}) {
    const std::vector<double> values = probes(max);
    for (const auto& [offset, scale] : {std::pair{0.0, 1.0}, {16.0, 219.0}, {512.0, -3.5}}) {
      // Odd counts and offsets into the array: the vector loop's remainders.
      for (size_t first : {size_t{0}, size_t{3}}) {
        const size_t count = values.size() - first - 1;
        std::vector<uint16_t> out(count);
        round_scaled_samples(values.data() + first, count, offset, scale, max, out.data());
        for (size_t i = 0; i < count; ++i) {
          ASSERT_EQ(out[i], clamped_lround(offset + scale * values[first + i], max))
              << values[first + i] << " offset " << offset << " scale " << scale << " max " << max;
        }
      }
    }
  }
}

}  // namespace
}  // namespace tgvc
