// DenseFlowTracker on hand-made clips with known motion, against the synthetic generator's ground
// truth, and its defined behaviour on odd input.
#include "harness/tracking/dense_flow_tracker.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <opencv2/core/utility.hpp>
#include <utility>

#include "datasets/synthetic/synthetic_sequence.h"
#include "harness/core/error.h"
#include "harness/tracking/track_accuracy.h"
#include "tests/unit/tracking/panning_clip.h"

namespace tgvc {
namespace {

TEST(DenseFlowTracker, FollowsAPanAndHoldsLostPointsStill) {
  const Panning pan;
  const Video clip = pan.clip();
  const std::vector<TrackQuery> queries = grid_queries(pan.width, pan.height, pan.frames, 12);
  const Tracks tracks = DenseFlowTracker().track(clip, queries);
  ASSERT_EQ(tracks.size(), queries.size());
  int followed = 0, left = 0;
  for (size_t i = 0; i < tracks.size(); ++i) {
    const Track& t = tracks[i];
    const TrackQuery& q = queries[i];
    ASSERT_EQ(t.x.size(), 8u);
    EXPECT_EQ(t.query_frame, q.frame);
    EXPECT_EQ(t.x[q.frame], q.x);
    EXPECT_EQ(t.visible[q.frame], 1);
    const int direction = q.frame == 0 ? 1 : -1;
    for (int k = 0; k < pan.frames; ++k) {
      const double x = q.x - (k - q.frame) * pan.dx;
      const double y = q.y - (k - q.frame) * pan.dy;
      const bool in_frame = x >= 0 && y >= 0 && x < pan.width && y < pan.height;
      const double margin = std::min(std::min(x, pan.width - x), std::min(y, pan.height - y));
      if (t.visible[k]) {
        EXPECT_TRUE(in_frame) << "track " << i << " frame " << k;
        EXPECT_NEAR(t.x[k], x, margin > 8 ? 0.25 : 1.0) << "track " << i << " frame " << k;
        EXPECT_NEAR(t.y[k], y, margin > 8 ? 0.25 : 1.0) << "track " << i << " frame " << k;
        followed += k != q.frame;
      }
      left += !in_frame;
      // Lost: invisible from there on and held at its last accepted position, not extrapolated.
      const int previous = k - direction;
      if ((k - q.frame) * direction > 0 && !t.visible[previous]) {
        EXPECT_EQ(t.visible[k], 0) << "track " << i << " frame " << k;  // tracks do not reappear
      }
      if ((k - q.frame) * direction > 0 && !t.visible[k]) {
        EXPECT_EQ(t.x[k], t.x[previous]) << "track " << i << " frame " << k;
        EXPECT_EQ(t.y[k], t.y[previous]) << "track " << i << " frame " << k;
      }
    }
  }
  EXPECT_GT(left, 0);
  EXPECT_GT(followed, static_cast<int>(0.8 * tracks.size() * (pan.frames - 1)));
}

// The view jumps to another texture after frame 3: the forward-backward check fails for most
// points there (not all: two unrelated images can give flows that happen to agree, which is why
// the metric restarts its queries at scene cuts); those are lost from frame 4 on and stay where
// frame 3 left them.
TEST(DenseFlowTracker, PointsFailingTheConsistencyCheckAreLost) {
  const Panning pan;
  Video clip = pan.clip();
  const Video other =
      panning_clip(pan.width, pan.height, pan.frames, 0, 0, pan.tex_width, texture(200, 120, 77));
  for (int k = 4; k < pan.frames; ++k) clip.frames[k] = other.frames[k];
  std::vector<TrackQuery> queries = grid_queries(pan.width, pan.height, pan.frames, 8);
  queries.resize(64);  // forward lattice only
  const Tracks tracks = DenseFlowTracker().track(clip, queries);
  int lost_at_cut = 0;
  for (const Track& t : tracks) {
    if (!t.visible[3]) continue;
    lost_at_cut += !t.visible[4];
    if (!t.visible[4]) {
      for (int k = 4; k < pan.frames; ++k) {
        EXPECT_EQ(t.visible[k], 0);
        EXPECT_EQ(t.x[k], t.x[3]);
        EXPECT_EQ(t.y[k], t.y[3]);
      }
    }
  }
  EXPECT_GT(lost_at_cut, 32);
}

// Against the exact truth of synthetic scenes with moving objects (the metric's reference path):
// where both say visible, the tracks are within a fraction of a pixel.
TEST(DenseFlowTracker, AccurateOnSyntheticGroundTruth) {
  SyntheticSpec spec;
  spec.width = 256;
  spec.height = 160;
  spec.frame_count = 16;
  const SyntheticSequence sequence(spec);
  const Video clip = sequence.render_range(0, 16);
  std::vector<TrackQuery> queries = grid_queries(spec.width, spec.height, 16, 24);
  const Tracks predicted = DenseFlowTracker().track(clip, queries);
  Tracks truth(queries.size());
  int64_t truth_visible = 0, both = 0;
  for (size_t i = 0; i < queries.size(); ++i) {
    truth[i].query_frame = queries[i].frame;
    for (int k = 0; k < 16; ++k) {
      const TrackPoint p = sequence.track(queries[i].x, queries[i].y, queries[i].frame, k);
      truth[i].x.push_back(static_cast<float>(p.x));
      truth[i].y.push_back(static_cast<float>(p.y));
      truth[i].visible.push_back(p.visible);
      truth_visible += p.visible;
      both += p.visible && predicted[i].visible[k];
    }
  }
  TrackErrorOptions options;
  options.require_predicted_visible = true;
  options.include_query_frame = false;
  const TrackErrorStats stats = track_error({{&predicted, &truth}}, options);
  const double recall = static_cast<double>(both) / truth_visible;
  std::printf(
      "[ dense flow ] synthetic 256x160x16: median %.3f px, mean %.3f px, within 1/2 px %.3f %.3f, "
      "recall %.3f\n",
      stats.median, stats.micro_mean, stats.within[0], stats.within[1], recall);
  EXPECT_LT(stats.median, 0.3);
  EXPECT_GT(stats.within[1], 0.9);
  EXPECT_GT(recall, 0.8);
}

TEST(DenseFlowTracker, SameOutputForEveryRunAndThreadCount) {
  const Panning pan;
  const Video clip = pan.clip();
  const auto queries = grid_queries(pan.width, pan.height, pan.frames, 16);
  const DenseFlowTracker tracker;
  const int threads = cv::getNumThreads();
  const Tracks first = tracker.track(clip, queries);
  cv::setNumThreads(1);
  const Tracks one = tracker.track(clip, queries);
  cv::setNumThreads(7);
  const Tracks seven = tracker.track(clip, queries);
  cv::setNumThreads(threads);
  for (const Tracks* other : {&one, &seven}) {
    for (size_t i = 0; i < first.size(); ++i) {
      EXPECT_EQ(first[i].x, (*other)[i].x);
      EXPECT_EQ(first[i].y, (*other)[i].y);
      EXPECT_EQ(first[i].visible, (*other)[i].visible);
    }
  }
}

TEST(DenseFlowTracker, DefinedOnOddInput) {
  const Panning pan;
  const Video clip = pan.clip();
  const DenseFlowTracker tracker;
  EXPECT_TRUE(tracker.track(clip, {}).empty());
  EXPECT_THROW(tracker.track(clip, {{1, 1, 8}}), InputError);
  EXPECT_THROW(tracker.track(clip, {{NAN, 1, 0}}), InputError);
  const Tracks outside = tracker.track(clip, {{-3, 5, 2}});
  for (int k = 0; k < pan.frames; ++k) {
    EXPECT_EQ(outside[0].visible[k], 0);
    EXPECT_EQ(outside[0].x[k], -3);
  }
  Video one = clip;
  one.frames.resize(1);
  const Tracks still = tracker.track(one, {{10.5f, 20.5f, 0}});
  EXPECT_EQ(still[0].visible, std::vector<uint8_t>{1});
  // Frames smaller than DIS accepts (12 px) are padded for the flow: still points stay put.
  for (const auto& [w, h] : {std::pair{1, 1}, std::pair{4, 6}, std::pair{9, 40}}) {
    Video tiny;
    tiny.info.width = w;
    tiny.info.height = h;
    tiny.info.format = clip.info.format;
    tiny.frames.assign(3, Frame::allocate(w, h, clip.info.format, 90));
    const Tracks t = tracker.track(tiny, {{0.5f, 0.5f, 0}});
    EXPECT_EQ(t[0].visible, (std::vector<uint8_t>{1, 1, 1})) << w << "x" << h;
    EXPECT_EQ(t[0].x, (std::vector<float>{0.5f, 0.5f, 0.5f})) << w << "x" << h;
  }
  Video mixed = clip;
  mixed.frames[3] = Frame::allocate(80, 48, clip.info.format);
  EXPECT_THROW(tracker.track(mixed, {{1, 1, 0}}), InputError);
}

}  // namespace
}  // namespace tgvc
