// The metrics' option tables: defaults round-trip and every key reaches its own member.
#include <gtest/gtest.h>

#include "harness/metrics/learned/api/learned_params.h"
#include "harness/metrics/msssim_metric.h"
#include "harness/metrics/psnr_metric.h"
#include "harness/metrics/trajectory_error_metric.h"
#include "tests/unit/core/param_table_checks.h"

namespace tgvc {
namespace {

TEST(MetricOptionTables, RoundTrip) {
  test::expect_table_round_trips(psnr_option_table(), "psnr");
  test::expect_table_round_trips(ssim_option_table(), "ssim");
  test::expect_table_round_trips(trajectory_error_option_table(), "trajectory_error");
  test::expect_table_round_trips(lpips_option_table(), "lpips");
  test::expect_table_round_trips(clipsim_option_table(), "clipsim");
  test::expect_table_round_trips(fvd_option_table(), "fvd");
}

TEST(MetricOptionTables, EnumOptionsBindTheirNames) {
  const SsimOptions o = ssim_option_table().parse({{"convention", "dcvc"}, {"colour", "y"}}, "msssim");
  EXPECT_EQ(o.convention, SsimConvention::kDcvc);
  EXPECT_EQ(o.colour, SsimColour::kLuma);
  EXPECT_EQ(SsimOptions{}.convention, SsimConvention::kVainf);
  const TrajectoryErrorOptions t = trajectory_error_option_table().parse({{"truth", "tracker"}}, "te");
  EXPECT_EQ(t.truth, TrajectoryTruth::kTracker);
  EXPECT_EQ(find_param(trajectory_error_option_table().specs(), "truth")->default_value, "auto");
}

}  // namespace
}  // namespace tgvc
