#include "harness/metrics/trajectory_error_metric.h"

#include <cmath>

#include <gtest/gtest.h>

#include "datasets/synthetic/synthetic_sequence.h"
#include "harness/run/synthetic_truth.h"

namespace tgvc {
namespace {

double value_of(const std::vector<MetricValue>& values, const std::string& name) {
  for (const MetricValue& v : values) {
    if (v.name == name) return v.value;
  }
  return -1;
}

// The decoded video equal to the source leaves only the tracker's own error against the truth;
// a video frozen on its first frame misses every motion. The headline comes first.
TEST(TrajectoryErrorMetric, SeparatesFaithfulFromFrozenMotion) {
  SyntheticSpec spec;
  spec.width = 256;
  spec.height = 160;
  spec.frame_count = 12;
  const SyntheticSequence sequence(spec);
  const Video source = sequence.render_range(0, 12);
  Video frozen = source;
  for (Frame& f : frozen.frames) f = source.frames[0];
  const TrajectoryErrorMetric metric;
  const ParamSet options = ParamSet::resolve(metric.param_specs(), {}, "trajectory_error");
  const SyntheticTruth truth(spec, 0);
  MetricContext context;
  context.motion_truth = &truth;

  const auto exact = metric.compute_in_context(source, source, options, context);
  const auto still = metric.compute_in_context(source, frozen, options, context);
  ASSERT_EQ(exact[0].name, "trajectory_delta_avg");
  EXPECT_NE(exact[0].convention.find("reference: synthetic ground truth"), std::string::npos);
  EXPECT_LT(value_of(exact, "trajectory_error_median"), 0.3);
  EXPECT_GT(value_of(exact, "trajectory_within_2px"), 0.9);
  EXPECT_GT(value_of(exact, "trajectory_delta_avg"), 0.93);
  EXPECT_LT(value_of(still, "trajectory_delta_avg"), value_of(exact, "trajectory_delta_avg") - 0.05);
  EXPECT_GT(value_of(still, "trajectory_error_median"), 5 * value_of(exact, "trajectory_error_median"));
  EXPECT_GT(value_of(still, "trajectory_error"), 2 * value_of(exact, "trajectory_error"));
  EXPECT_LT(value_of(still, "trajectory_within_1px"), value_of(exact, "trajectory_within_1px"));
  ASSERT_EQ(exact[0].per_frame.size(), 12u);
  EXPECT_TRUE(std::isnan(exact[0].per_frame[0]));  // frame 0 excluded by default
  EXPECT_FALSE(std::isnan(exact[0].per_frame[1]));

  // Without ground truth the source is tracked too: identical videos give exactly 0 and 1.
  const auto self = metric.compute(source, source, options);
  EXPECT_NE(self[0].convention.find("reference: the dense-flow tracker on the source"), std::string::npos);
  EXPECT_EQ(value_of(self, "trajectory_error"), 0.0);
  EXPECT_EQ(value_of(self, "trajectory_within_1px"), 1.0);
  EXPECT_EQ(value_of(self, "trajectory_delta_avg"), 1.0);
  EXPECT_EQ(value_of(self, "trajectory_followed_share"), 1.0);
}

// A one-frame video has nothing to score after its query frame: n/a with the reason, not a number.
TEST(TrajectoryErrorMetric, NothingToScoreIsNotAvailable) {
  SyntheticSpec spec;
  spec.width = 64;
  spec.height = 48;
  spec.frame_count = 1;
  const Video one = SyntheticSequence(spec).render_range(0, 1);
  const TrajectoryErrorMetric metric;
  const auto values =
      metric.compute(one, one, ParamSet::resolve(metric.param_specs(), {}, "trajectory_error"));
  ASSERT_EQ(values.size(), 2u);
  for (const MetricValue& v : values) {
    EXPECT_FALSE(v.available) << v.name;
    EXPECT_NE(v.reason.find("no query point"), std::string::npos) << v.reason;
  }
}

}  // namespace
}  // namespace tgvc
