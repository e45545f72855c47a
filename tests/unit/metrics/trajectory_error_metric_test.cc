#include "harness/metrics/trajectory_error_metric.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "datasets/synthetic/synthetic_sequence.h"
#include "harness/core/error.h"
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
  // Every value the descriptor lists, each n/a with the reason.
  ASSERT_EQ(values.size(), metric.descriptor().values.size());
  for (size_t i = 0; i < values.size(); ++i) EXPECT_EQ(values[i].name, metric.descriptor().values[i].name);
  EXPECT_EQ(values[0].name, "trajectory_delta_avg");
  EXPECT_EQ(values[1].unit, "px");
  for (const MetricValue& v : values) {
    EXPECT_FALSE(v.available) << v.name;
    EXPECT_NE(v.reason.find("no query point"), std::string::npos) << v.reason;
  }
}

// Two synthetic shots back to back (the second much brighter, so a scene cut lies before frame 6),
// and a distorted copy: seeded noise of up to +-3 on luma and frame 8 repeated.
struct CutClip {
  Video source, distorted;
  CutClip() {
    SyntheticSpec a, b;
    a.width = b.width = 128;
    a.height = b.height = 80;
    a.frame_count = b.frame_count = 6;
    b.scene = "crossing";
    b.seed = 2;
    source = SyntheticSequence(a).render_range(0, 6);
    for (Frame f : SyntheticSequence(b).render_range(0, 6).frames) {
      for (uint16_t& v : f.planes[0].samples) v = static_cast<uint16_t>(std::min(v + 90, 235));
      source.frames.push_back(std::move(f));
    }
    distorted = source;
    uint32_t state = 12345;
    for (Frame& f : distorted.frames) {
      for (uint16_t& v : f.planes[0].samples) {
        state = state * 1664525u + 1013904223u;
        v = static_cast<uint16_t>(
            std::clamp(static_cast<int>(v) + static_cast<int>(state >> 29) - 3, 0, 255));
      }
    }
    distorted.frames[8] = distorted.frames[7];
  }
};

// Bit for bit, NaN equal to NaN.
bool same_double(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

void expect_identical(const std::vector<MetricValue>& a, const std::vector<MetricValue>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].name, b[i].name);
    EXPECT_TRUE(same_double(a[i].value, b[i].value))
        << a[i].name << ": " << a[i].value << " vs " << b[i].value;
    ASSERT_EQ(a[i].per_frame.size(), b[i].per_frame.size()) << a[i].name;
    for (size_t k = 0; k < a[i].per_frame.size(); ++k)
      EXPECT_TRUE(same_double(a[i].per_frame[k], b[i].per_frame[k])) << a[i].name << " frame " << k;
    EXPECT_EQ(a[i].convention, b[i].convention);
    EXPECT_EQ(a[i].available, b[i].available);
    EXPECT_EQ(a[i].reason, b[i].reason);
  }
}

// A run prepares the source side once per sequence and gives it to every cell: the values must be
// those each cell would compute alone, bit for bit, with the tracker across a scene cut and with
// synthetic ground truth.
TEST(TrajectoryErrorMetric, PreparedSourceGivesBitIdenticalValues) {
  const CutClip clip;
  const TrajectoryErrorMetric metric;
  for (const char* first_frame : {"false", "true"}) {
    const ParamSet options = ParamSet::resolve(
        metric.param_specs(), {{"grid", "8"}, {"include-first-frame", first_frame}}, "trajectory_error");
    const auto prepared = metric.prepare(clip.source, options, {});
    ASSERT_NE(prepared, nullptr);
    MetricContext shared;
    shared.prepared_source = prepared.get();
    for (const Video* decoded : {&clip.distorted, &clip.source}) {  // one state, two cells
      const auto alone = metric.compute(clip.source, *decoded, options);
      EXPECT_NE(alone[0].convention.find("scene cuts before frames 6"), std::string::npos)
          << alone[0].convention;
      EXPECT_GT(alone[0].value, 0.2);
      expect_identical(metric.compute_in_context(clip.source, *decoded, options, shared), alone);
    }
  }

  SyntheticSpec spec;
  spec.width = 128;
  spec.height = 80;
  spec.frame_count = 8;
  const Video source = SyntheticSequence(spec).render_range(0, 8);
  Video shifted = source;
  std::rotate(shifted.frames.begin() + 2, shifted.frames.begin() + 3, shifted.frames.end());
  const SyntheticTruth truth(spec, 0);
  MetricContext context;
  context.motion_truth = &truth;
  const ParamSet options = ParamSet::resolve(metric.param_specs(), {}, "trajectory_error");
  const auto prepared = metric.prepare(source, options, context);
  MetricContext shared = context;
  shared.prepared_source = prepared.get();
  const auto alone = metric.compute_in_context(source, shifted, options, context);
  EXPECT_NE(alone[0].convention.find("reference: synthetic ground truth"), std::string::npos);
  expect_identical(metric.compute_in_context(source, shifted, options, shared), alone);
}

// The sharing key follows exactly the options that shape the source side; a state made for other
// options or another source is refused, never used.
TEST(TrajectoryErrorMetric, PreparedSourceKeyAndMisuse) {
  const TrajectoryErrorMetric metric;
  const auto options = [&](std::map<std::string, std::string> values) {
    return ParamSet::resolve(metric.param_specs(), values, "trajectory_error");
  };
  SyntheticSpec spec;
  spec.width = 64;
  spec.height = 48;
  spec.frame_count = 4;
  const SyntheticTruth truth(spec, 0);
  MetricContext with_truth;
  with_truth.motion_truth = &truth;
  const std::string base = metric.prepared_source_key(options({}), {});
  EXPECT_FALSE(base.empty());
  EXPECT_EQ(metric.prepared_source_key(options({{"include-first-frame", "true"}}), {}), base);
  EXPECT_EQ(metric.prepared_source_key(options({{"cut-threshold", "0.150"}}), {}), base);
  EXPECT_EQ(metric.prepared_source_key(options({{"truth", "tracker"}}), with_truth), base);
  for (const std::string& other : {metric.prepared_source_key(options({{"grid", "8"}}), {}),
                                   metric.prepared_source_key(options({{"cut-threshold", "0.2"}}), {}),
                                   metric.prepared_source_key(options({}), with_truth)}) {
    EXPECT_NE(other, base);
  }

  const Video source = SyntheticSequence(spec).render_range(0, 4);
  const auto grid8 = metric.prepare(source, options({{"grid", "8"}}), {});
  MetricContext context;
  context.prepared_source = grid8.get();
  EXPECT_THROW(metric.compute_in_context(source, source, options({}), context), Error);
  EXPECT_NO_THROW(metric.compute_in_context(source, source, options({{"grid", "8"}}), context));
  Video shorter = source;
  shorter.frames.pop_back();
  EXPECT_THROW(metric.compute_in_context(shorter, shorter, options({{"grid", "8"}}), context), Error);
  const PreparedSource foreign;
  context.prepared_source = &foreign;
  EXPECT_THROW(metric.compute_in_context(source, source, options({{"grid", "8"}}), context), Error);
}

}  // namespace
}  // namespace tgvc
