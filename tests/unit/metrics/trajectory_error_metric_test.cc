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
// a video frozen on its first frame misses every motion.
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
  EXPECT_LT(value_of(exact, "trajectory_error_median"), 0.5);
  EXPECT_GT(value_of(exact, "trajectory_within_2px"), 0.9);
  EXPECT_GT(value_of(still, "trajectory_error"), 3 * value_of(exact, "trajectory_error"));
  EXPECT_LT(value_of(still, "trajectory_within_1px"), value_of(exact, "trajectory_within_1px"));
  ASSERT_EQ(exact[0].per_frame.size(), 12u);
  EXPECT_TRUE(std::isnan(exact[0].per_frame[0]));  // frame 0 excluded by default

  // Without ground truth the source is tracked too: identical videos give exactly 0.
  const auto self = metric.compute(source, source, options);
  EXPECT_EQ(value_of(self, "trajectory_error"), 0.0);
  EXPECT_EQ(value_of(self, "trajectory_within_1px"), 1.0);
}

}  // namespace
}  // namespace tgvc
