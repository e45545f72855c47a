#include "codecs/tgvc/tracking/torchscript_tracker.h"

#include <cmath>
#include <cstdlib>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/core/sha256.h"
#include "tests/unit/tgvc_torch/tgvc_torch_test_util.h"

namespace tgvc {
namespace {

using torch_test::expect_input_error;
using torch_test::module_path;

// Expects track `t` to be at (x(f), y(f)) and visible in every frame.
void expect_path(const Track& t, const std::function<double(int)>& x, const std::function<double(int)>& y) {
  for (size_t f = 0; f < t.x.size(); ++f) {
    EXPECT_NEAR(t.x[f], x(static_cast<int>(f)), 1e-4) << "frame " << f;
    EXPECT_NEAR(t.y[f], y(static_cast<int>(f)), 1e-4) << "frame " << f;
    EXPECT_EQ(t.visible[f], 1) << "frame " << f;
  }
}

TEST(TorchScriptTracker, FollowsEachQueryForwardAndOnTheReversedClip) {
  // tracker_velocity moves every query by (1.5, -0.75) per frame of the clip it is given, which
  // starts at the query frame: forward on [f, T), reversed on [0, f].
  const TorchScriptTracker tracker(module_path("tracker_velocity.pt"));
  const Video clip = torch_test::yuv_video(40, 30, 6);
  const std::vector<TrackQuery> queries = {{10.5f, 20.5f, 0}, {12.25f, 15.5f, 5}, {20.5f, 12.5f, 2}};
  const Tracks tracks = tracker.track(clip, queries);
  ASSERT_EQ(tracks.size(), 3u);
  for (size_t i = 0; i < queries.size(); ++i) {
    const TrackQuery q = queries[i];
    ASSERT_EQ(tracks[i].x.size(), 6u);
    EXPECT_EQ(tracks[i].query_frame, q.frame);
    expect_path(
        tracks[i], [&](int f) { return q.x + 1.5 * std::abs(f - q.frame); },
        [&](int f) { return q.y - 0.75 * std::abs(f - q.frame); });
  }
}

TEST(TorchScriptTracker, PositionsOutsideTheFrameAreInvisible) {
  const TorchScriptTracker tracker(module_path("tracker_velocity.pt"));
  const Video clip = torch_test::yuv_video(40, 30, 4);
  const Tracks tracks = tracker.track(clip, {{38.5f, 1.5f, 0}, {-1.0f, 5.0f, 0}, {40.0f, 5.0f, 3}});
  ASSERT_EQ(tracks.size(), 3u);
  EXPECT_EQ(tracks[0].visible, (std::vector<uint8_t>{1, 0, 0, 0}));
  EXPECT_FLOAT_EQ(tracks[0].x[1], 40.0f);  // the model's position is kept, only hidden
  // Queries outside the frame stay where they are, invisible (the model never sees them).
  for (int i : {1, 2}) {
    EXPECT_EQ(tracks[i].visible, (std::vector<uint8_t>{0, 0, 0, 0}));
    EXPECT_EQ(tracks[i].x, std::vector<float>(4, i == 1 ? -1.0f : 40.0f));
  }
}

TEST(TorchScriptTracker, ConvertsPixelCentresAndSendsRgbIn0To255) {
  // tracker_spot puts every point on the pure red (255, 0, 0) pixel of each frame, at the model's
  // integer pixel centres, and calls a frame without one invisible.
  Video clip = torch_test::rgb_video(32, 20, 5, 128);
  const int spot[5][2] = {{3, 4}, {7, 5}, {-1, -1}, {15, 9}, {20, 11}};
  for (int f = 0; f < 5; ++f) {
    if (spot[f][0] < 0) continue;
    clip.frames[f].planes[0].at(spot[f][0], spot[f][1]) = 255;
    clip.frames[f].planes[1].at(spot[f][0], spot[f][1]) = 0;
    clip.frames[f].planes[2].at(spot[f][0], spot[f][1]) = 0;
  }
  const TorchScriptTracker tracker(module_path("tracker_spot.pt"));
  const std::vector<TrackQuery> queries = {{1.5f, 1.5f, 0}, {30.5f, 18.5f, 4}};
  const Tracks tracks = tracker.track(clip, queries);
  ASSERT_EQ(tracks.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    for (int f = 0; f < 5; ++f) {
      if (f == queries[i].frame) {  // the query itself
        EXPECT_EQ(tracks[i].x[f], queries[i].x);
        EXPECT_EQ(tracks[i].y[f], queries[i].y);
        EXPECT_EQ(tracks[i].visible[f], 1);
      } else if (spot[f][0] < 0) {
        EXPECT_EQ(tracks[i].visible[f], 0) << "track " << i << " frame " << f;
      } else {
        EXPECT_FLOAT_EQ(tracks[i].x[f], spot[f][0] + 0.5f) << "track " << i << " frame " << f;
        EXPECT_FLOAT_EQ(tracks[i].y[f], spot[f][1] + 0.5f) << "track " << i << " frame " << f;
        EXPECT_EQ(tracks[i].visible[f], 1) << "track " << i << " frame " << f;
      }
    }
  }
}

TEST(TorchScriptTracker, FixedShapeExportIsResizedPaddedAndFedInBatches) {
  // tracker_fixed asserts 8 frames of 48x32, 5 queries, all on frame 0, and moves them by (2, 1)
  // model pixels per frame: (4, 2) on this clip of twice its size.
  const TorchScriptTracker tracker(module_path("tracker_fixed.pt"));
  EXPECT_EQ(tracker.model_shapes(), "frames 8, points 5, 48x32");
  const Video clip = torch_test::yuv_video(96, 64, 6);
  std::vector<TrackQuery> queries;
  for (int i = 0; i < 12; ++i) queries.push_back({8.5f + 5 * i, 10.5f + 3 * i, 0});
  for (int i = 0; i < 3; ++i) queries.push_back({20.5f + 3 * i, 30.5f, 5});
  const Tracks tracks = tracker.track(clip, queries);
  ASSERT_EQ(tracks.size(), queries.size());
  for (size_t i = 0; i < queries.size(); ++i) {
    const TrackQuery q = queries[i];
    expect_path(
        tracks[i], [&](int f) { return q.x + 4.0 * std::abs(f - q.frame); },
        [&](int f) { return q.y + 2.0 * std::abs(f - q.frame); });
  }
}

TEST(TorchScriptTracker, ClipLongerThanTheExportIsAClearError) {
  const std::string path = module_path("tracker_fixed.pt");
  const TorchScriptTracker tracker(path);
  const Video clip = torch_test::yuv_video(96, 64, 9);
  expect_input_error(
      [&] {
        tracker.track(clip, {{10.5f, 10.5f, 0}});
      },
      "tgvc tracker " + path, {"clips of 9 frames", "attribute frames is 8", "--frames 9"});
}

TEST(TorchScriptTracker, WrongOutputsAreClearErrors) {
  const Video clip = torch_test::yuv_video(40, 30, 6);
  const std::vector<TrackQuery> queries = {{10.5f, 10.5f, 0}, {20.5f, 10.5f, 0}};
  const std::string wide = module_path("tracker_wide.pt");
  expect_input_error([&] { TorchScriptTracker(wide).track(clip, queries); }, "tgvc tracker " + wide,
                     {"tracks of shape [1, 6, 2, 2]", "Float of shape [1, 6, 2, 3]"});
  const std::string single = module_path("tracker_single.pt");
  expect_input_error([&] { TorchScriptTracker(single).track(clip, queries); }, "tgvc tracker " + single,
                     {"(tracks [1, T, N, 2], visibility [1, T, N])", "Tensor"});
  const std::string nan = module_path("tracker_nan.pt");
  expect_input_error([&] { TorchScriptTracker(nan).track(clip, queries); }, "tgvc tracker " + nan,
                     {"finite track positions", "nan"});
  const std::string huge = module_path("tracker_huge.pt");
  expect_input_error([&] { TorchScriptTracker t(huge); }, "tgvc tracker " + huge + ": attribute frames",
                     {"2..4096", "100000"});
  const std::string text = module_path("not_torchscript.pt");
  expect_input_error([&] { TorchScriptTracker t(text); }, "tgvc tracker " + text, {"TorchScript"});
}

TEST(TorchScriptTracker, OneFrameClipsAndNoQueriesNeedNoModelCall) {
  // tracker_nan would fail any call: a query on a 1-frame clip is the query itself.
  const TorchScriptTracker tracker(module_path("tracker_nan.pt"));
  const Tracks tracks = tracker.track(torch_test::yuv_video(40, 30, 1), {{3.5f, 4.5f, 0}});
  ASSERT_EQ(tracks.size(), 1u);
  EXPECT_EQ(tracks[0].x, std::vector<float>{3.5f});
  EXPECT_EQ(tracks[0].visible, std::vector<uint8_t>{1});
  EXPECT_TRUE(tracker.track(torch_test::yuv_video(40, 30, 3), {}).empty());
}

TEST(TorchScriptTracker, IsDeterministicAndVersionedByTheFilesDigest) {
  const std::string path = module_path("tracker_fixed.pt");
  const TorchScriptTracker tracker(path);
  const Video clip = torch_test::yuv_video(96, 64, 5);
  const std::vector<TrackQuery> queries = {{10.5f, 10.5f, 0}, {30.5f, 20.5f, 4}, {50.5f, 30.5f, 2}};
  const Tracks a = tracker.track(clip, queries);
  const Tracks b = TorchScriptTracker(path).track(clip, queries);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].x, b[i].x);
    EXPECT_EQ(a[i].y, b[i].y);
    EXPECT_EQ(a[i].visible, b[i].visible);
  }
  EXPECT_EQ(tracker.id(), "torchscript");
  EXPECT_EQ(tracker.version(), "1 (model " + sha256_file(path).substr(0, 12) + ")");
}

TEST(TorchScriptTracker, MissingFileAndBadQueriesAreInputErrors) {
  expect_input_error(
      [] { TorchScriptTracker t("/nonexistent/cotracker.pt"); }, "tgvc tracker",
      {"'/nonexistent/cotracker.pt' (no such file)", "'flow'", "tgvc-bench models fetch cotracker3-offline"});
  const TorchScriptTracker tracker(module_path("tracker_velocity.pt"));
  const Video clip = torch_test::yuv_video(40, 30, 3);
  expect_input_error([&] { tracker.track(clip, {{1.5f, 1.5f, 3}}); }, "tracker query 0 frame", {"[0, 3)"});
  expect_input_error(
      [&] {
        tracker.track(clip, {{1.5f, 1.5f, 0}, {NAN, 1.5f, 0}});
      },
      "tracker query 1", {"finite coordinates"});
  Video mixed = clip;
  mixed.frames[2] = Frame::allocate(20, 30, clip.info.format);
  expect_input_error(
      [&] {
        tracker.track(mixed, {{1.5f, 1.5f, 0}});
      },
      "tgvc tracker clip frame 2", {"the size and format of frame 0 (40x30)"});
}

}  // namespace
}  // namespace tgvc
