// The trajectory-error scoring rule on hand-made tracks whose scores follow by hand.
#include "harness/metrics/trajectory_scores.h"

#include <gtest/gtest.h>

#include <cmath>

#include "harness/core/error.h"

namespace tgvc {
namespace {

Track track(std::vector<float> x, std::vector<uint8_t> visible, int query_frame = 0) {
  Track t;
  t.y.assign(x.size(), 10.0f);
  t.x = std::move(x);
  t.visible = std::move(visible);
  t.query_frame = query_frame;
  return t;
}

// Two tracks over 4 frames, the query frame 0 excluded. Track A: the source is visible in frames
// 1..3, the decoded side 0.5, 3 and 20 px off. Track B: the source is visible in frames 1 and 2
// (hidden in 3, not scored there), the decoded side loses it in frame 2 (a miss) after 1.5 px in
// frame 1. Scored 5, followed 4 (distances 0.5, 3, 20, 1.5).
TEST(TrajectoryScores, LostPointsAreMissesWithoutAnError) {
  const Tracks reference = {track({0, 1, 2, 3}, {1, 1, 1, 1}), track({0, 0, 0, 0}, {1, 1, 1, 0})};
  const Tracks predicted = {track({0, 1.5f, 5, 23}, {1, 1, 1, 1}), track({0, 1.5f, 99, 99}, {1, 1, 0, 0})};
  TrajectoryTally tally(4);
  tally.add(reference, predicted, 0, false);
  const TrajectorySummary s = tally.summary();
  EXPECT_EQ(s.scored, 5);
  EXPECT_EQ(s.followed, 4);
  // within 1: {0.5}; 2: {0.5, 1.5}; 4: + 3; 8: same; 16: same; over the 5 scored pairs.
  const double within[] = {1 / 5.0, 2 / 5.0, 3 / 5.0, 3 / 5.0, 3 / 5.0};
  for (int i = 0; i < 5; ++i) EXPECT_DOUBLE_EQ(s.within[i], within[i]) << i;
  EXPECT_DOUBLE_EQ(s.delta_avg, (1 + 2 + 3 + 3 + 3) / 25.0);
  EXPECT_DOUBLE_EQ(s.mean_error, (0.5 + 3 + 20 + 1.5) / 4);
  EXPECT_DOUBLE_EQ(s.macro_error, ((0.5 + 3 + 20) / 3 + 1.5) / 2);
  EXPECT_DOUBLE_EQ(s.median_error, (1.5 + 3) / 2);
  EXPECT_DOUBLE_EQ(s.followed_share, 4 / 5.0);
  ASSERT_EQ(s.frame_delta_avg.size(), 4u);
  EXPECT_TRUE(std::isnan(s.frame_delta_avg[0]));
  EXPECT_DOUBLE_EQ(s.frame_delta_avg[1], (5 + 4) / 10.0);  // 0.5 px: all 5; 1.5 px: 4 of 5
  EXPECT_DOUBLE_EQ(s.frame_delta_avg[2], (3 + 0) / 10.0);  // 3 px: 3 of 5; lost: none
  EXPECT_DOUBLE_EQ(s.frame_delta_avg[3], 0.0);             // 20 px: outside every threshold
  EXPECT_DOUBLE_EQ(s.frame_error[1], 1.0);
  EXPECT_DOUBLE_EQ(s.frame_error[2], 3.0);
  EXPECT_DOUBLE_EQ(s.frame_error[3], 20.0);
}

// Segments add at their clip offset; query frames count on request; nothing followed gives NaN
// errors and a delta_avg of 0.
TEST(TrajectoryScores, SegmentsQueryFramesAndAllLost) {
  TrajectoryTally tally(5);
  tally.add({track({0, 0}, {1, 1})}, {track({0, 0}, {1, 0})}, 3, true);
  const TrajectorySummary s = tally.summary();
  EXPECT_EQ(s.scored, 2);
  EXPECT_EQ(s.followed, 1);
  EXPECT_TRUE(std::isnan(s.frame_delta_avg[2]));
  EXPECT_DOUBLE_EQ(s.frame_delta_avg[3], 1.0);
  EXPECT_DOUBLE_EQ(s.frame_delta_avg[4], 0.0);
  EXPECT_TRUE(std::isnan(s.frame_error[4]));

  TrajectoryTally lost(2);
  lost.add({track({0, 0}, {1, 1})}, {track({0, 0}, {1, 0})}, 0, false);
  const TrajectorySummary l = lost.summary();
  EXPECT_EQ(l.scored, 1);
  EXPECT_EQ(l.delta_avg, 0.0);
  EXPECT_TRUE(std::isnan(l.mean_error));
  EXPECT_TRUE(std::isnan(l.median_error));
  EXPECT_TRUE(std::isnan(l.macro_error));
}

TEST(TrajectoryScores, MismatchedTracksAreInputErrors) {
  TrajectoryTally tally(3);
  EXPECT_THROW(tally.add({track({0, 0}, {1, 1})}, {}, 0, false), InputError);
  EXPECT_THROW(tally.add({track({0, 0}, {1, 1})}, {track({0}, {1})}, 0, false), InputError);
  EXPECT_THROW(tally.add({track({0, 0}, {1, 1})}, {track({0, 0}, {1, 1})}, 2, false), InputError);
}

}  // namespace
}  // namespace tgvc
