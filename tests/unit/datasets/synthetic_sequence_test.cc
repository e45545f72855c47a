// The generator's contract apart from motion: scenes, validation, determinism, random access.
#include "datasets/synthetic/synthetic_sequence.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

#include "harness/core/error.h"
#include "tests/unit/datasets/synthetic_test_util.h"

namespace tgvc {
namespace {

SyntheticSpec small_spec(const std::string& scene, uint32_t seed = 7) {
  SyntheticSpec spec;
  spec.scene = scene;
  spec.seed = seed;
  spec.width = 192;
  spec.height = 128;
  spec.frame_count = 24;
  return spec;
}

bool same_frame(const Frame& a, const Frame& b) {
  for (int p = 0; p < 3; ++p) {
    if (a.planes[p].width != b.planes[p].width || a.planes[p].samples != b.planes[p].samples) return false;
  }
  return a.format == b.format;
}

TEST(SyntheticScenes, ListsTheThreePresets) {
  const std::vector<std::string>& scenes = synthetic_scenes();
  for (const char* name : {"orbit", "crossing", "static"}) {
    EXPECT_NE(std::find(scenes.begin(), scenes.end(), name), scenes.end()) << name;
  }
}

TEST(SyntheticSequence, FrameFormatIs420Bt709Limited) {
  const SyntheticSequence seq(small_spec("orbit"));
  const Video video = seq.render_range(3, 2);
  ASSERT_EQ(video.frame_count(), 2);
  EXPECT_EQ(video.info.width, 192);
  EXPECT_EQ(video.info.height, 128);
  EXPECT_EQ(video.info.format, (PixelFormat{ChromaFormat::k420, 8, ColourFamily::kYuv}));
  EXPECT_EQ(video.info.colour.matrix, Matrix::kBt709);
  EXPECT_EQ(video.info.colour.range, Range::kLimited);
  EXPECT_EQ(video.info.fps.num, 30);
  const Frame& f = video.frames[0];
  EXPECT_EQ(f.planes[1].width, 96);
  EXPECT_EQ(f.planes[2].height, 64);
  // Limited range: every sample within 16..235 (luma) and 16..240 (chroma).
  for (int p = 0; p < 3; ++p) {
    const auto [lo, hi] = std::minmax_element(f.planes[p].samples.begin(), f.planes[p].samples.end());
    EXPECT_GE(*lo, 16) << "plane " << p;
    EXPECT_LE(*hi, p == 0 ? 235 : 240) << "plane " << p;
  }
}

TEST(SyntheticSequence, SameSpecRendersIdenticalFramesAcrossInstancesAndThreads) {
  for (const std::string& scene : synthetic_scenes()) {
    const SyntheticSequence a(small_spec(scene));
    const SyntheticSequence b(small_spec(scene));
    EXPECT_TRUE(same_frame(a.render(9), b.render(9))) << scene;
  }
  const SyntheticSequence seq(small_spec("crossing"));
  std::vector<Frame> frames(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) threads.emplace_back([&, i] { frames[i] = seq.render(12); });
  for (std::thread& t : threads) t.join();
  for (int i = 1; i < 4; ++i) EXPECT_TRUE(same_frame(frames[0], frames[i])) << "thread " << i;
}

TEST(SyntheticSequence, DifferentSeedsDiffer) {
  for (const std::string& scene : synthetic_scenes()) {
    const Frame a = SyntheticSequence(small_spec(scene, 1)).render(4);
    const Frame b = SyntheticSequence(small_spec(scene, 2)).render(4);
    EXPECT_GT(testing::mean_luma_difference(a, b), 5.0) << scene;
  }
}

TEST(SyntheticSequence, RandomAccessMatchesSequentialRendering) {
  for (const std::string& scene : synthetic_scenes()) {
    const SyntheticSequence seq(small_spec(scene));
    const Frame alone = seq.render(10);
    const Video run = seq.render_range(0, 11);
    ASSERT_EQ(run.frame_count(), 11);
    EXPECT_TRUE(same_frame(alone, run.frames[10])) << scene;
    EXPECT_TRUE(same_frame(seq.render(3), run.frames[3])) << scene;
  }
}

TEST(SyntheticSequence, StaticSceneFramesAreIdenticalAndPointsStayPut) {
  const SyntheticSequence seq(small_spec("static"));
  const Frame first = seq.render(0);
  EXPECT_TRUE(same_frame(first, seq.render(1)));
  EXPECT_TRUE(same_frame(first, seq.render(57)));
  for (double y = 3.25; y < 128; y += 17) {
    for (double x = 1.75; x < 192; x += 23) {
      const TrackPoint p = seq.track(x, y, 0, 40);
      EXPECT_DOUBLE_EQ(p.x, x);
      EXPECT_DOUBLE_EQ(p.y, y);
      EXPECT_TRUE(p.visible);
    }
  }
}

TEST(SyntheticSequence, FramesChangeOverTimeInMovingScenes) {
  for (const char* scene : {"orbit", "crossing"}) {
    const SyntheticSequence seq(small_spec(scene));
    const Frame a = seq.render(0);
    EXPECT_GT(testing::mean_luma_difference(a, seq.render(1)), 0.2) << scene;
    EXPECT_GT(testing::mean_luma_difference(a, seq.render(20)), 2.0) << scene;
  }
}

TEST(SyntheticSequence, FrameRateSetsTheMotionPerFrame) {
  // Motion is defined per second: frame 2 at 30 fps shows the same instant as frame 1 at 15 fps.
  SyntheticSpec fast = small_spec("orbit");
  SyntheticSpec slow = fast;
  slow.fps = {15, 1};
  const SyntheticSequence a(fast), b(slow);
  EXPECT_TRUE(same_frame(a.render(2), b.render(1)));
  EXPECT_FALSE(same_frame(a.render(1), b.render(1)));
}

void expect_input_error(const SyntheticSpec& spec, const std::string& where) {
  try {
    SyntheticSequence seq(spec);
    ADD_FAILURE() << "no error for " << where;
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), where);
  }
}

TEST(SyntheticSequence, InvalidSpecsRaiseInputErrorNamingTheField) {
  SyntheticSpec spec = small_spec("orbit");
  spec.scene = "spiral";
  try {
    SyntheticSequence seq(spec);
    ADD_FAILURE() << "unknown scene accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "synthetic scene");
    EXPECT_EQ(e.found(), "spiral");
    EXPECT_NE(e.expected().find("crossing"), std::string::npos);
  }
  for (int bad : {15, 17, 14, 0, -2, 8194}) {
    spec = small_spec("orbit");
    spec.width = bad;
    expect_input_error(spec, "synthetic width");
    spec = small_spec("orbit");
    spec.height = bad;
    expect_input_error(spec, "synthetic height");
  }
  spec = small_spec("orbit");
  spec.frame_count = 0;
  expect_input_error(spec, "synthetic frame_count");
  for (Rational fps : {Rational{0, 1}, Rational{-30, 1}, Rational{30, 0}, Rational{30, -1}}) {
    spec = small_spec("orbit");
    spec.fps = fps;
    expect_input_error(spec, "synthetic fps");
  }
  spec = small_spec("orbit");
  spec.width = 16;
  spec.height = 16;
  EXPECT_NO_THROW(SyntheticSequence(spec).render(0));
}

TEST(SyntheticSequence, NegativeFrameIndicesAreRejected) {
  const SyntheticSequence seq(small_spec("orbit"));
  EXPECT_THROW(seq.render(-1), InputError);
  EXPECT_THROW(seq.render_range(-1, 2), InputError);
  EXPECT_THROW(seq.render_range(0, -1), InputError);
  EXPECT_THROW(seq.track(5, 5, -1, 0), InputError);
  EXPECT_THROW(seq.track(5, 5, 0, -3), InputError);
  EXPECT_EQ(seq.render_range(4, 0).frame_count(), 0);
}

TEST(SyntheticSequence, FarFramesAndOddPointsStayWellDefined) {
  // Frame INT_MAX at one frame per 10^6 s is 2e15 s away: paths are far off, nothing overflows.
  SyntheticSpec spec = small_spec("crossing");
  spec.width = 16;
  spec.height = 16;
  spec.fps = {1, 1000000};
  const SyntheticSequence seq(spec);
  const Frame far = seq.render(std::numeric_limits<int>::max());
  EXPECT_EQ(far.width(), 16);
  EXPECT_GT(testing::luma_deviation(far), 0.0);
  const TrackPoint away = seq.track(8, 8, 0, std::numeric_limits<int>::max());
  EXPECT_TRUE(std::isfinite(away.x) && std::isfinite(away.y));
  EXPECT_FALSE(seq.track(std::nan(""), 3, 0, 1).visible);
  EXPECT_FALSE(seq.track(1e300, -1e300, 0, 1).visible);
  EXPECT_THROW(seq.render_range(std::numeric_limits<int>::max(), 2), InputError);
}

}  // namespace
}  // namespace tgvc
