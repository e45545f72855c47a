// End-point error statistics against the trajectory_error block of the reference vectors and
// against hand-counted cases.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/core/error.h"
#include "harness/tracking/track_accuracy.h"

namespace tgvc {
namespace {

using Path = std::vector<std::pair<double, double>>;

// The README's "Trajectory error" example: two videos, four frames.
const std::vector<std::vector<Path>> kTruth = {
    {{{10, 10}, {20, 12}, {30, 14}, {40, 16}}, {{100, 50}, {96, 58}, {92, 66}, {88, 74}}},
    {{{64, 32}, {64, 40}, {64, 48}, {64, 56}}}};
const std::vector<std::vector<Path>> kPredicted = {
    {{{11, 10}, {23, 16}, {30.5, 14.5}, {46, 24}}, {{100, 50}, {97.7, 57.2}, {90, 66}, {85, 70}}},
    {{{64.9, 32.9}, {70, 48}, {64, 48}, {52, 61}}}};

nlohmann::json reference_block() {
  std::ifstream in(TGVC_TEST_DATA_DIR "/vectors.json");
  return nlohmann::json::parse(in).at("trajectory_error");
}

Tracks to_tracks(const std::vector<Path>& paths) {
  Tracks tracks;
  for (const Path& path : paths) {
    Track t;
    for (const auto& [x, y] : path) {
      t.x.push_back(static_cast<float>(x));
      t.y.push_back(static_cast<float>(y));
      t.visible.push_back(1);
    }
    tracks.push_back(t);
  }
  return tracks;
}

TEST(TrackAccuracy, SummaryMatchesTheReferenceVectors) {
  std::vector<std::vector<double>> per_video;
  for (size_t v = 0; v < kTruth.size(); ++v) {
    std::vector<double> d;
    for (size_t p = 0; p < kTruth[v].size(); ++p) {
      for (size_t f = 0; f < kTruth[v][p].size(); ++f) {
        d.push_back(std::hypot(kPredicted[v][p][f].first - kTruth[v][p][f].first,
                               kPredicted[v][p][f].second - kTruth[v][p][f].second));
      }
    }
    per_video.push_back(d);
  }
  const nlohmann::json ref = reference_block();
  const TrackErrorStats stats = summarize_track_errors(per_video);
  EXPECT_EQ(stats.points, 12);
  EXPECT_NEAR(stats.micro_mean, ref.at("micro_all_frames").get<double>(), 1e-9);
  EXPECT_NEAR(stats.macro_mean, ref.at("macro_per_video_all_frames").get<double>(), 1e-9);
}

TEST(TrackAccuracy, TracksGiveTheReferenceNumbersToFloatPrecision) {
  const Tracks truth0 = to_tracks(kTruth[0]), truth1 = to_tracks(kTruth[1]);
  const Tracks pred0 = to_tracks(kPredicted[0]), pred1 = to_tracks(kPredicted[1]);
  const nlohmann::json ref = reference_block();
  const TrackErrorStats stats = track_error({{&pred0, &truth0}, {&pred1, &truth1}});
  EXPECT_EQ(stats.points, 12);
  EXPECT_NEAR(stats.micro_mean, ref.at("micro_all_frames").get<double>(), 1e-5);
  EXPECT_NEAR(stats.macro_mean, ref.at("macro_per_video_all_frames").get<double>(), 1e-5);
  // Distances, sorted: 0 0 0.7071 1 1.2728 1.8788 2 5 5 10 10 13 -> median (1.8788 + 2) / 2.
  EXPECT_NEAR(stats.median, (std::hypot(1.7, 0.8) + 2.0) / 2, 1e-5);
  EXPECT_NEAR(stats.within[0], 4.0 / 12, 1e-12);   // <= 1 px
  EXPECT_NEAR(stats.within[1], 7.0 / 12, 1e-12);   // <= 2 px
  EXPECT_NEAR(stats.within[2], 7.0 / 12, 1e-12);   // <= 4 px
  EXPECT_NEAR(stats.within[3], 9.0 / 12, 1e-12);   // <= 8 px
  EXPECT_NEAR(stats.within[4], 12.0 / 12, 1e-12);  // <= 16 px
}

TEST(TrackAccuracy, QueryFrameAndVisibilityRules) {
  // One track, query frame 1: distances 3 (frame 0), 0 (frame 1, the query), 4 (frame 2, reference
  // invisible), 5 (frame 3, predicted invisible).
  Track truth{{0, 0, 0, 0}, {0, 0, 0, 0}, {1, 1, 0, 1}, 1};
  Track pred{{3, 0, 4, 3}, {0, 0, 0, 4}, {1, 1, 1, 0}, 1};
  const Tracks t{truth}, p{pred};
  TrackErrorOptions options;
  TrackErrorStats all = track_error({{&p, &t}}, options);
  EXPECT_EQ(all.points, 3);
  EXPECT_DOUBLE_EQ(all.micro_mean, 8.0 / 3);
  EXPECT_DOUBLE_EQ(all.median, 3.0);
  options.include_query_frame = false;
  EXPECT_EQ(track_error({{&p, &t}}, options).points, 2);
  options.require_predicted_visible = true;
  const TrackErrorStats both = track_error({{&p, &t}}, options);
  EXPECT_EQ(both.points, 1);
  EXPECT_DOUBLE_EQ(both.micro_mean, 3.0);
}

TEST(TrackAccuracy, MacroSkipsSetsWithoutCountedPoints) {
  Track visible{{0, 0}, {0, 0}, {1, 1}, 0};
  Track hidden{{0, 0}, {0, 0}, {0, 0}, 0};
  Track moved{{2, 2}, {0, 0}, {1, 1}, 0};
  const Tracks t1{visible}, p1{moved}, t2{hidden}, p2{moved};
  const TrackErrorStats stats = track_error({{&p1, &t1}, {&p2, &t2}});
  EXPECT_EQ(stats.points, 2);
  EXPECT_DOUBLE_EQ(stats.macro_mean, 2.0);
  const TrackErrorStats none = track_error({{&p2, &t2}});
  EXPECT_EQ(none.points, 0);
  EXPECT_EQ(none.micro_mean, 0);
  EXPECT_EQ(track_error({}).points, 0);
}

TEST(TrackAccuracy, RejectsMismatchedTracks) {
  Track four{{0, 0, 0, 0}, {0, 0, 0, 0}, {1, 1, 1, 1}, 0};
  Track three{{0, 0, 0}, {0, 0, 0}, {1, 1, 1}, 0};
  Track other_query = four;
  other_query.query_frame = 3;
  const Tracks a{four}, b{three}, c{other_query}, two{four, four};
  EXPECT_THROW(track_error({{&a, &b}}), InputError);
  EXPECT_THROW(track_error({{&a, &c}}), InputError);
  EXPECT_THROW(track_error({{&a, &two}}), InputError);
  EXPECT_THROW(track_error({{&a, nullptr}}), InputError);
  try {
    track_error({{&a, &a}, {&a, &two}});
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "track error set 1");
  }
}

}  // namespace
}  // namespace tgvc
