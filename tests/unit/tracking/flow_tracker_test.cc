// FlowTracker on hand-made clips with known motion, and its defined behaviour on odd input.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <opencv2/core/utility.hpp>

#include "harness/core/error.h"
#include "harness/tracking/flow_tracker.h"
#include "tests/unit/tracking/panning_clip.h"

namespace tgvc {
namespace {

constexpr PixelFormat kYuv8{ChromaFormat::k420, 8, ColourFamily::kYuv};

TEST(FlowTracker, FollowsAPanExactlyAndDropsPointsThatLeave) {
  const Panning pan;
  const Video clip = pan.clip();
  std::vector<TrackQuery> queries = grid_queries(pan.width, pan.height, pan.frames, 12);
  const Tracks tracks = FlowTracker().track(clip, queries);
  ASSERT_EQ(tracks.size(), queries.size());
  int followed = 0, left = 0;
  for (size_t i = 0; i < tracks.size(); ++i) {
    const Track& t = tracks[i];
    ASSERT_EQ(t.x.size(), 8u);
    EXPECT_EQ(t.query_frame, queries[i].frame);
    EXPECT_EQ(t.x[queries[i].frame], queries[i].x);
    EXPECT_EQ(t.visible[queries[i].frame], 1);
    for (int k = 0; k < pan.frames; ++k) {
      const double x = queries[i].x - (k - queries[i].frame) * pan.dx;
      const double y = queries[i].y - (k - queries[i].frame) * pan.dy;
      const bool in_frame = x >= 0 && y >= 0 && x < pan.width && y < pan.height;
      // Within half a window of an edge LK also sees the mirrored border: less exact there.
      const double margin = std::min(std::min(x, pan.width - x), std::min(y, pan.height - y));
      const double tolerance = margin > 5 ? 0.02 : 1.0;
      if (t.visible[k]) {
        EXPECT_TRUE(in_frame) << "track " << i << " frame " << k;
        EXPECT_NEAR(t.x[k], x, tolerance) << "track " << i << " frame " << k;
        EXPECT_NEAR(t.y[k], y, tolerance) << "track " << i << " frame " << k;
        ++followed;
      }
      left += !in_frame;
    }
    // Once a track has ended its position continues with the last accepted step.
    const int direction = t.query_frame == 0 ? 1 : -1;
    for (int k = t.query_frame + 2 * direction; k >= 0 && k < pan.frames; k += direction) {
      if (t.visible[k] || t.visible[k - direction]) continue;
      EXPECT_NEAR(t.x[k] - t.x[k - direction], t.x[k - direction] - t.x[k - 2 * direction], 1e-3);
      EXPECT_NEAR(t.y[k] - t.y[k - direction], t.y[k - direction] - t.y[k - 2 * direction], 1e-3);
    }
  }
  EXPECT_GT(left, 0);
  // Points away from the edges are followed through every frame: at most a border of lost ones.
  EXPECT_GT(followed, static_cast<int>(0.85 * tracks.size() * pan.frames));
}

TEST(FlowTracker, LuminanceOfAnyFormatGivesTheSameTracks) {
  const Panning pan;
  const Video yuv8 = pan.clip(8);
  const Video yuv16 = pan.clip(16);  // samples * 257: the same 8-bit luma
  Video rgb_clip = yuv8;
  for (Frame& f : rgb_clip.frames) {
    f.format.chroma = ChromaFormat::k444;
    f.format.family = ColourFamily::kRgb;
    f.planes[1] = f.planes[0];
    f.planes[2] = f.planes[0];  // grey: R = G = B = Y
  }
  rgb_clip.info.format = rgb_clip.frames[0].format;
  const Video& rgb = rgb_clip;
  const auto queries = grid_queries(pan.width, pan.height, pan.frames, 8);
  const FlowTracker tracker;
  const Tracks a = tracker.track(yuv8, queries);
  for (const Video* other : {&yuv16, &rgb}) {
    const Tracks b = tracker.track(*other, queries);
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].x, b[i].x);
      EXPECT_EQ(a[i].y, b[i].y);
      EXPECT_EQ(a[i].visible, b[i].visible);
    }
  }
}

TEST(FlowTracker, SameOutputForEveryRunAndThreadCount) {
  const Panning pan;
  const Video clip = pan.clip();
  const auto queries = grid_queries(pan.width, pan.height, pan.frames, 16);
  const FlowTracker tracker;
  // OpenCV's default thread count (the machine's cores) first, then one and two threads.
  const int threads = cv::getNumThreads();
  const Tracks first = tracker.track(clip, queries);
  cv::setNumThreads(1);
  const Tracks one = tracker.track(clip, queries);
  cv::setNumThreads(2);
  const Tracks two = tracker.track(clip, queries);
  cv::setNumThreads(threads);
  for (const Tracks* other : {&one, &two}) {
    for (size_t i = 0; i < first.size(); ++i) {
      EXPECT_EQ(first[i].x, (*other)[i].x);
      EXPECT_EQ(first[i].y, (*other)[i].y);
      EXPECT_EQ(first[i].visible, (*other)[i].visible);
    }
  }
}

TEST(FlowTracker, EmptyAndOneFrameClips) {
  const FlowTracker tracker;
  EXPECT_TRUE(tracker.track(Video{}, {}).empty());
  EXPECT_THROW(tracker.track(Video{}, {{1, 1, 0}}), InputError);
  Video one;
  one.frames.push_back(Frame::allocate(32, 16, kYuv8, 100));
  const Tracks t = tracker.track(one, {{3.5f, 2.5f, 0}, {40, 2, 0}});
  ASSERT_EQ(t.size(), 2u);
  ASSERT_EQ(t[0].x.size(), 1u);
  EXPECT_EQ(t[0].x[0], 3.5f);
  EXPECT_EQ(t[0].visible[0], 1);
  EXPECT_EQ(t[1].visible[0], 0);
}

TEST(FlowTracker, QueriesOutsideTheFrameStayPutAndInvisible) {
  const Panning pan;
  const Tracks t = FlowTracker().track(pan.clip(), {{-3, 10, 0}, {10, 96, 2}, {1e6f, -1e6f, 7}});
  for (const Track& track : t) {
    for (int k = 0; k < pan.frames; ++k) {
      EXPECT_EQ(track.visible[k], 0);
      EXPECT_EQ(track.x[k], track.x[track.query_frame]);
      EXPECT_EQ(track.y[k], track.y[track.query_frame]);
    }
  }
}

TEST(FlowTracker, RejectsBadQueriesAndClips) {
  const Panning pan;
  const Video clip = pan.clip();
  const FlowTracker tracker;
  EXPECT_THROW(tracker.track(clip, {{1, 1, -1}}), InputError);
  EXPECT_THROW(tracker.track(clip, {{1, 1, pan.frames}}), InputError);
  EXPECT_THROW(tracker.track(clip, {{std::numeric_limits<float>::quiet_NaN(), 1, 0}}), InputError);
  EXPECT_THROW(tracker.track(clip, {{1, std::numeric_limits<float>::infinity(), 0}}), InputError);
  Video mixed = clip;
  mixed.frames[3] = Frame::allocate(80, 48, kYuv8);
  try {
    tracker.track(mixed, {{1, 1, 0}});
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "tracked clip frame 3");
  }
  Video broken = clip;
  broken.frames[1].planes[0].samples.resize(10);
  EXPECT_THROW(tracker.track(broken, {{1, 1, 0}}), InputError);
  Video empty_frames;
  empty_frames.frames.assign(2, Frame::allocate(0, 0, kYuv8));
  EXPECT_THROW(tracker.track(empty_frames, {{0, 0, 0}}), InputError);
  Video low_depth = clip;
  low_depth.frames[0].format.bit_depth = 6;
  EXPECT_THROW(tracker.track(low_depth, {{1, 1, 0}}), InputError);
}

TEST(FlowTracker, TinyAndFlatFramesAreDefined) {
  const FlowTracker tracker;
  for (int size : {1, 2, 5, 17}) {
    Video clip;
    for (int k = 0; k < 3; ++k) clip.frames.push_back(Frame::allocate(size, size, kYuv8, 90));
    const Tracks t = tracker.track(clip, {{0.5f, 0.5f, 0}, {0.5f, 0.5f, 2}});
    ASSERT_EQ(t.size(), 2u);
    // A flat picture has nothing to follow: the query frame is visible, the others are not.
    EXPECT_EQ(t[0].visible, (std::vector<uint8_t>{1, 0, 0})) << size;
    EXPECT_EQ(t[1].visible, (std::vector<uint8_t>{0, 0, 1})) << size;
    for (float x : t[0].x) EXPECT_EQ(x, 0.5f);
  }
}

TEST(FlowTracker, Identity) {
  const FlowTracker tracker;
  EXPECT_EQ(tracker.id(), "flow");
  EXPECT_EQ(tracker.version(), "1");
}

}  // namespace
}  // namespace tgvc
