#include "harness/metrics/rate.h"

#include <gtest/gtest.h>

#include "tests/unit/metrics/reference_inputs.h"

namespace tgvc {
namespace {

TEST(Rate, ReferenceBitrate) {
  const auto& expected = testing::reference_vectors()["bitrate"];
  const auto& in = expected["inputs"];
  const Rate r = compute_rate(in["total_bytes"].get<uint64_t>(), in["W"].get<int>(), in["H"].get<int>(),
                              in["frames"].get<int>(), in["fps"].get<double>());
  EXPECT_EQ(r.bits, expected["bits"].get<uint64_t>());
  EXPECT_NEAR(r.bpp, expected["bpp"].get<double>(), 1e-15);
  EXPECT_NEAR(r.kbps, expected["kbps"].get<double>(), 1e-9);
  // Kilo is 1000: the 1024 reading is a different, wrong number.
  EXPECT_GT(std::abs(r.kbps - expected["kbps_1024"].get<double>()), 70.0);
}

TEST(Rate, KbpsUsesOneThousand) {
  // 1000 bytes per frame at 1 fps is 8 kbit/s.
  const Rate r = compute_rate(3000, 16, 16, 3, 1.0);
  EXPECT_EQ(r.bits, 24000u);
  EXPECT_DOUBLE_EQ(r.kbps, 8.0);
  EXPECT_DOUBLE_EQ(r.bpp, 24000.0 / (16 * 16 * 3));
}

TEST(Rate, EmptyInputsGiveZeroNotNan) {
  const Rate r = compute_rate(100, 0, 0, 0, 30);
  EXPECT_EQ(r.bits, 800u);
  EXPECT_EQ(r.bpp, 0.0);
  EXPECT_EQ(r.kbps, 0.0);
}

}  // namespace
}  // namespace tgvc
