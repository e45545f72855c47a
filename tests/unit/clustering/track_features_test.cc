#include "codecs/tgvc/clustering/track_features.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "harness/core/error.h"

namespace tgvc {
namespace {

constexpr double kPi = 3.14159265358979323846;

Track make_track(const std::vector<float>& x, const std::vector<float>& y,
                 std::vector<uint8_t> visible = {}) {
  Track t;
  t.x = x;
  t.y = y;
  t.visible = visible.empty() ? std::vector<uint8_t>(x.size(), 1) : visible;
  return t;
}

TEST(TrackFeatures, StraightLineAtConstantSpeed) {
  // x = 10 + 2t, y = 20 - t over 5 frames.
  const Track t = make_track({10, 12, 14, 16, 18}, {20, 19, 18, 17, 16});
  const TrackFeatureVector f = track_feature_vector(t);
  EXPECT_DOUBLE_EQ(f[kFeatureStartX], 10);
  EXPECT_DOUBLE_EQ(f[kFeatureStartY], 20);
  EXPECT_DOUBLE_EQ(f[kFeatureMiddleX], 14);  // frame 5 / 2 = 2
  EXPECT_DOUBLE_EQ(f[kFeatureMiddleY], 18);
  EXPECT_DOUBLE_EQ(f[kFeatureEndX], 18);
  EXPECT_DOUBLE_EQ(f[kFeatureEndY], 16);
  EXPECT_DOUBLE_EQ(f[kFeatureNetDx], 8);
  EXPECT_DOUBLE_EQ(f[kFeatureNetDy], -4);
  EXPECT_NEAR(f[kFeaturePathLength], 4 * std::sqrt(5.0), 1e-12);
  EXPECT_DOUBLE_EQ(f[kFeatureMeanVelocityX], 2);
  EXPECT_DOUBLE_EQ(f[kFeatureMeanVelocityY], -1);
  EXPECT_DOUBLE_EQ(f[kFeatureStepVarianceX], 0);
  EXPECT_DOUBLE_EQ(f[kFeatureStepVarianceY], 0);
  EXPECT_DOUBLE_EQ(f[kFeatureMeanTurningAngle], 0);
}

TEST(TrackFeatures, FullCircleInEightSteps) {
  // Centre (100, 50), radius 16, angles t * pi / 4 for t = 0..8: each step is a chord of length
  // 2 R sin(pi / 8) and turns by pi / 4; the steps' directions are spread evenly, so each axis'
  // variance is chord^2 / 2 and their mean (the net displacement) is 0.
  std::vector<float> x, y;
  for (int t = 0; t <= 8; ++t) {
    x.push_back(static_cast<float>(100 + 16 * std::cos(t * kPi / 4)));
    y.push_back(static_cast<float>(50 + 16 * std::sin(t * kPi / 4)));
  }
  const TrackFeatureVector f = track_feature_vector(make_track(x, y));
  const double chord = 2 * 16 * std::sin(kPi / 8);
  EXPECT_NEAR(f[kFeatureMiddleX], 84, 1e-5);  // frame 4: angle pi
  EXPECT_NEAR(f[kFeatureMiddleY], 50, 1e-5);
  EXPECT_NEAR(f[kFeatureNetDx], 0, 1e-5);
  EXPECT_NEAR(f[kFeatureNetDy], 0, 1e-5);
  EXPECT_NEAR(f[kFeaturePathLength], 8 * chord, 1e-4);
  EXPECT_NEAR(f[kFeatureMeanVelocityX], 0, 1e-5);
  EXPECT_NEAR(f[kFeatureStepVarianceX], chord * chord / 2, 1e-4);
  EXPECT_NEAR(f[kFeatureStepVarianceY], chord * chord / 2, 1e-4);
  EXPECT_NEAR(f[kFeatureMeanTurningAngle], kPi / 4, 1e-5);
}

TEST(TrackFeatures, MiddleIsFrameHalfTheLength) {
  // The paper's traj[L // 2]: frame 2 of 4, frame 8 of 16.
  EXPECT_DOUBLE_EQ(track_feature_vector(make_track({0, 10, 20, 30}, {0, 0, 0, 0}))[kFeatureMiddleX], 20);
  std::vector<float> x(16), y(16, 1);
  for (int f = 0; f < 16; ++f) x[f] = static_cast<float>(f);
  EXPECT_DOUBLE_EQ(track_feature_vector(make_track(x, y))[kFeatureMiddleX], 8);
}

TEST(TrackFeatures, StationaryPointHasNoMotion) {
  const TrackFeatureVector f = track_feature_vector(make_track({7, 7, 7, 7}, {3, 3, 3, 3}));
  EXPECT_DOUBLE_EQ(f[kFeatureStartX], 7);
  EXPECT_DOUBLE_EQ(f[kFeatureEndY], 3);
  for (int i = kFeatureNetDx; i < kTrackFeatureCount; ++i) EXPECT_EQ(f[i], 0) << track_feature_name(i);
}

TEST(TrackFeatures, TurningAngleSkipsZeroSteps) {
  // Right, stop, up: both pairs of consecutive steps include the zero step, so no angle counts.
  const TrackFeatureVector stop = track_feature_vector(make_track({0, 1, 1, 1}, {0, 0, 0, 1}));
  EXPECT_DOUBLE_EQ(stop[kFeatureMeanTurningAngle], 0);
  const TrackFeatureVector turn = track_feature_vector(make_track({0, 1, 1, 0}, {0, 0, 1, 1}));
  EXPECT_NEAR(turn[kFeatureMeanTurningAngle], kPi / 2, 1e-12);  // two right-angle turns
  const TrackFeatureVector reverse = track_feature_vector(make_track({0, 2, 0}, {0, 0, 0}));
  EXPECT_NEAR(reverse[kFeatureMeanTurningAngle], kPi, 1e-12);
  EXPECT_DOUBLE_EQ(reverse[kFeatureStepVarianceX], 4);  // steps +2, -2
}

TEST(TrackFeatures, PartlyInvisibleTrack) {
  // Frames 0..6, visible at 1, 2 and 5. x = 3f, y = f * f.
  std::vector<float> x, y;
  for (int f = 0; f < 7; ++f) {
    x.push_back(3.0f * f);
    y.push_back(static_cast<float>(f * f));
  }
  const Track t = make_track(x, y, {0, 1, 1, 0, 0, 1, 0});

  // The paper's reading: every frame counts.
  const TrackFeatureVector all = track_feature_vector(t, FeatureFrames::kAllFrames);
  EXPECT_DOUBLE_EQ(all[kFeatureStartX], 0);
  EXPECT_DOUBLE_EQ(all[kFeatureMiddleY], 9);  // frame 7 / 2 = 3
  EXPECT_DOUBLE_EQ(all[kFeatureEndY], 36);
  EXPECT_DOUBLE_EQ(all[kFeatureMeanVelocityY], 6);  // 36 / 6

  // Visible frames only: used frames 1, 2, 5 -> start (3, 1), middle frame 2 (6, 4), end (15, 25);
  // steps (3, 3) over 1 frame and (9, 21) over 3 frames = (3, 7) per frame.
  const TrackFeatureVector vis = track_feature_vector(t, FeatureFrames::kVisibleOnly);
  EXPECT_DOUBLE_EQ(vis[kFeatureStartX], 3);
  EXPECT_DOUBLE_EQ(vis[kFeatureStartY], 1);
  EXPECT_DOUBLE_EQ(vis[kFeatureMiddleX], 6);
  EXPECT_DOUBLE_EQ(vis[kFeatureMiddleY], 4);
  EXPECT_DOUBLE_EQ(vis[kFeatureEndX], 15);
  EXPECT_DOUBLE_EQ(vis[kFeatureEndY], 25);
  EXPECT_DOUBLE_EQ(vis[kFeatureNetDx], 12);
  EXPECT_DOUBLE_EQ(vis[kFeatureNetDy], 24);
  EXPECT_NEAR(vis[kFeaturePathLength], std::sqrt(18.0) + std::sqrt(81.0 + 441.0), 1e-12);
  EXPECT_DOUBLE_EQ(vis[kFeatureMeanVelocityX], 3);  // 12 / (5 - 1)
  EXPECT_DOUBLE_EQ(vis[kFeatureMeanVelocityY], 6);
  EXPECT_DOUBLE_EQ(vis[kFeatureStepVarianceX], 0);  // steps 3 and 3
  EXPECT_DOUBLE_EQ(vis[kFeatureStepVarianceY], 4);  // steps 3 and 7: ((7 - 3) / 2)^2
  const double angle = std::acos((3.0 * 3 + 3.0 * 7) / (std::sqrt(18.0) * std::sqrt(58.0)));
  EXPECT_NEAR(vis[kFeatureMeanTurningAngle], angle, 1e-12);
}

TEST(TrackFeatures, TracksWithOneUsableFrameOrNone) {
  // One visible frame: its position everywhere, no motion.
  const Track one = make_track({1, 2, 3}, {4, 5, 6}, {0, 1, 0});
  const TrackFeatureVector f1 = track_feature_vector(one, FeatureFrames::kVisibleOnly);
  EXPECT_DOUBLE_EQ(f1[kFeatureStartX], 2);
  EXPECT_DOUBLE_EQ(f1[kFeatureMiddleY], 5);
  EXPECT_DOUBLE_EQ(f1[kFeatureEndX], 2);
  for (int i = kFeatureNetDx; i < kTrackFeatureCount; ++i) EXPECT_EQ(f1[i], 0);

  // Never visible: the query frame's position.
  Track none = make_track({1, 2, 3}, {4, 5, 6}, {0, 0, 0});
  none.query_frame = 2;
  const TrackFeatureVector f0 = track_feature_vector(none, FeatureFrames::kVisibleOnly);
  EXPECT_DOUBLE_EQ(f0[kFeatureStartX], 3);
  EXPECT_DOUBLE_EQ(f0[kFeatureEndY], 6);
  EXPECT_DOUBLE_EQ(f0[kFeaturePathLength], 0);

  // A one-frame clip.
  const TrackFeatureVector single = track_feature_vector(make_track({9}, {8}));
  EXPECT_DOUBLE_EQ(single[kFeatureMiddleX], 9);
  EXPECT_DOUBLE_EQ(single[kFeatureMeanVelocityY], 0);
}

TEST(TrackFeatures, MatrixHasOneRowPerTrackInColumnOrder) {
  const Tracks tracks = {make_track({0, 1, 2}, {0, 0, 0}), make_track({5, 5, 5}, {1, 2, 3})};
  const FeatureMatrix m = track_features(tracks);
  ASSERT_EQ(m.rows, 2);
  ASSERT_EQ(m.cols, kTrackFeatureCount);
  EXPECT_DOUBLE_EQ(m.at(0, kFeatureNetDx), 2);
  EXPECT_DOUBLE_EQ(m.at(1, kFeatureStartX), 5);
  EXPECT_DOUBLE_EQ(m.at(1, kFeatureMeanVelocityY), 1);
  EXPECT_STREQ(track_feature_name(kFeatureMeanTurningAngle), "mean_turning_angle");
  EXPECT_STREQ(track_feature_name(99), "unknown");
}

TEST(TrackFeatures, BadTracksAreInputErrorsNamingTheTrack) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  Track short_y = make_track({1, 2}, {1, 2});
  short_y.y.pop_back();
  try {
    track_features({make_track({1, 2}, {1, 2}), short_y});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "tracks[1]");
  }
  EXPECT_THROW(track_feature_vector(Track{}), InputError);
  Track bad_query = make_track({1, 2}, {1, 2});
  bad_query.query_frame = 2;
  EXPECT_THROW(track_feature_vector(bad_query), InputError);
  // A non-finite coordinate is an error where it is used, and ignored where it is not.
  const Track hidden_nan = make_track({1, nan, 3}, {1, 2, 3}, {1, 0, 1});
  EXPECT_THROW(track_feature_vector(hidden_nan, FeatureFrames::kAllFrames), InputError);
  EXPECT_DOUBLE_EQ(track_feature_vector(hidden_nan, FeatureFrames::kVisibleOnly)[kFeatureNetDx], 2);
}

}  // namespace
}  // namespace tgvc
