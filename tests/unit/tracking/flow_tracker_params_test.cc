// FlowTracker's settings as a parameter table: defaults, prefixes, ranges.
#include <gtest/gtest.h>

#include <limits>
#include <map>
#include <string>

#include "harness/core/error.h"
#include "harness/tracking/flow_tracker.h"
#include "harness/tracking/flow_tracker_params.h"
#include "tests/unit/core/param_table_checks.h"

namespace tgvc {
namespace {

TEST(FlowTrackerParams, TableDefaultsAreTheStructDefaults) {
  const std::vector<ParamSpec> specs = flow_tracker_param_specs("track-");
  ASSERT_EQ(specs.size(), 8u);
  EXPECT_EQ(specs[0].key, "track-window");
  EXPECT_EQ(specs[0].default_value, "9");
  const ParamSet defaults = ParamSet::resolve(specs, {}, "tgvc");
  const FlowTrackerParams p = flow_tracker_params(defaults, "track-");
  const FlowTrackerParams d;
  EXPECT_EQ(p.window, d.window);
  EXPECT_EQ(p.pyramid_levels, d.pyramid_levels);
  EXPECT_EQ(p.max_iterations, d.max_iterations);
  EXPECT_DOUBLE_EQ(p.epsilon, d.epsilon);
  EXPECT_DOUBLE_EQ(p.min_eigen, d.min_eigen);
  EXPECT_DOUBLE_EQ(p.fb_threshold_px, d.fb_threshold_px);
  EXPECT_DOUBLE_EQ(p.fb_motion_share, d.fb_motion_share);
  EXPECT_EQ(p.guided_levels, d.guided_levels);
}

TEST(FlowTrackerParams, TableRoundTrips) {
  test::expect_table_round_trips(flow_tracker_param_table(), "flow tracker");
}

TEST(FlowTrackerParams, GivenValuesReachTheStruct) {
  const std::vector<ParamSpec> specs = flow_tracker_param_specs();
  const ParamSet set = ParamSet::resolve(specs, {{"window", "15"}, {"fb-threshold", "0.75"}}, "tracker");
  const FlowTrackerParams p = flow_tracker_params(set);
  EXPECT_EQ(p.window, 15);
  EXPECT_DOUBLE_EQ(p.fb_threshold_px, 0.75);
  EXPECT_THROW(ParamSet::resolve(specs, {{"window", "41"}}, "tracker"), InputError);
  EXPECT_THROW(ParamSet::resolve(specs, {{"windw", "9"}}, "tracker"), InputError);
  // The table cannot say "odd": the struct check does.
  const ParamSet even = ParamSet::resolve(specs, {{"window", "8"}}, "tracker");
  EXPECT_THROW(flow_tracker_params(even), InputError);
}

TEST(FlowTrackerParams, TrackerRejectsSettingsOutOfRange) {
  FlowTrackerParams p;
  p.window = 8;
  EXPECT_THROW(FlowTracker{p}, InputError);
  p = {};
  p.window = 3;
  EXPECT_THROW(FlowTracker{p}, InputError);
  p = {};
  p.pyramid_levels = 7;
  EXPECT_THROW(FlowTracker{p}, InputError);
  p = {};
  p.fb_threshold_px = -1;
  EXPECT_THROW(FlowTracker{p}, InputError);
  p = {};
  p.epsilon = std::numeric_limits<double>::quiet_NaN();
  try {
    FlowTracker tracker(p);
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "flow tracker epsilon");
  }
  EXPECT_NO_THROW(FlowTracker{FlowTrackerParams{}});
}

}  // namespace
}  // namespace tgvc
