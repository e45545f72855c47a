#include "codecs/tgvc/keyframes/keyframe_selection.h"

#include <cmath>
#include <cstdio>

#include <gtest/gtest.h>

#include "codecs/tgvc/keyframes/thumbnail_embedder.h"
#include "datasets/synthetic/synthetic_sequence.h"

namespace tgvc {
namespace {

// Embeddings on a unit circle: frame t at angle t * step, so similarity falls steadily with
// distance and the least similar frame in reach is always the latest one.
std::vector<Embedding> steady_motion(int frames, double step) {
  std::vector<Embedding> e;
  for (int t = 0; t < frames; ++t)
    e.push_back({static_cast<float>(std::cos(t * step)), static_cast<float>(std::sin(t * step))});
  return e;
}

TEST(KeyframeSelection, SteadyMotionGivesAKeyframePerWindow) {
  const std::vector<int> keys = select_keyframes(steady_motion(96, 0.01), {});
  EXPECT_EQ(keys, (std::vector<int>{0, 23, 47, 71, 95}));
}

TEST(KeyframeSelection, SceneCutMakesBothFramesKeyframes) {
  std::vector<Embedding> e = steady_motion(96, 0.01);
  for (int t = 40; t < 96; ++t)
    e[t] = {static_cast<float>(-std::sin(t * 0.01)), static_cast<float>(std::cos(t * 0.01))};
  const std::vector<int> keys = select_keyframes(e, {});
  EXPECT_NE(std::find(keys.begin(), keys.end(), 39), keys.end());
  EXPECT_NE(std::find(keys.begin(), keys.end(), 40), keys.end());
  for (size_t i = 1; i < keys.size(); ++i) EXPECT_LE(keys[i] - keys[i - 1], 29);
  EXPECT_EQ(keys.front(), 0);
  EXPECT_EQ(keys.back(), 95);
}

TEST(KeyframeSelection, NoClipLongerThanThirtyFrames) {
  // A sequence that returns to its start: the least similar frame is early in each window.
  std::vector<Embedding> e;
  for (int t = 0; t < 200; ++t) {
    const double a = 0.6 * std::sin(t * 0.7);
    e.push_back({static_cast<float>(std::cos(a)), static_cast<float>(std::sin(a))});
  }
  KeyframeParams params;
  params.cut_threshold = -2;  // no cuts
  const std::vector<int> keys = select_keyframes(e, params);
  for (size_t i = 1; i < keys.size(); ++i) {
    EXPECT_LE(keys[i] - keys[i - 1], 29) << i;
    EXPECT_GE(keys[i] - keys[i - 1], params.min_gap) << i;
  }
  EXPECT_EQ(keys.back(), 199);
}

// The least similar frame of the first window is early (17), so max_distance forces frame 46
// one frame before the window ends at 47; that window end must not add 47 as well.
TEST(KeyframeSelection, NoBackToBackKeyframesWithoutACut) {
  std::vector<double> angle(96);
  for (int t = 0; t < 96; ++t) {
    angle[t] = t <= 17 ? 0.02 * t : t <= 23 ? 0.34 - 0.005 * (t - 17) : 0.34 + 0.01 * (t - 23);
  }
  std::vector<Embedding> e;
  for (double a : angle) e.push_back({static_cast<float>(std::cos(a)), static_cast<float>(std::sin(a))});
  EXPECT_EQ(select_keyframes(e, {}), (std::vector<int>{0, 17, 46, 71, 95}));
  KeyframeParams adjacent;  // min_gap 1 is the rule without the gap: 46 and 47 back to back
  adjacent.min_gap = 1;
  EXPECT_EQ(select_keyframes(e, adjacent), (std::vector<int>{0, 17, 46, 47, 71, 95}));
}

TEST(KeyframeSelection, TinyInputs) {
  EXPECT_TRUE(select_keyframes({}, {}).empty());
  EXPECT_EQ(select_keyframes(steady_motion(1, 0.1), {}), std::vector<int>{0});
  EXPECT_EQ(select_keyframes(steady_motion(2, 0.1), {}), (std::vector<int>{0, 1}));
}

std::vector<Embedding> embed_all(const Video& video) {
  ThumbnailEmbedder embedder;
  std::vector<Embedding> e;
  for (const Frame& f : video.frames) e.push_back(embedder.embed(f, video.info.colour));
  return e;
}

// The built-in embedder keeps the paper's rules meaningful on continuous synthetic footage:
// no false cuts, about five keyframes per 96 frames; a hard cut between scenes is found.
TEST(ThumbnailEmbedder, CalibratedForThePaperRules) {
  for (const char* scene : {"orbit", "crossing"}) {
    SyntheticSpec spec;
    spec.scene = scene;
    spec.seed = 3;
    const Video video = SyntheticSequence(spec).render_range(0, 96);
    const std::vector<Embedding> e = embed_all(video);
    double lowest = 1;
    for (int t = 1; t < 96; ++t) lowest = std::min(lowest, cosine_similarity(e[t - 1], e[t]));
    EXPECT_GT(lowest, 0.8) << scene;
    std::printf("%s: lowest consecutive similarity %.3f\n", scene, lowest);
    const std::vector<int> keys = select_keyframes(e, {});
    EXPECT_GE(keys.size(), 4u) << scene;
    EXPECT_LE(keys.size(), 7u) << scene;
  }
  SyntheticSpec a, b;
  b.scene = "crossing";
  b.seed = 9;
  const Video first = SyntheticSequence(a).render_range(0, 30);
  const Video second = SyntheticSequence(b).render_range(0, 30);
  Video cut = first;
  for (const Frame& f : second.frames) cut.frames.push_back(f);
  const std::vector<Embedding> e = embed_all(cut);
  EXPECT_LT(cosine_similarity(e[29], e[30]), 0.5);
  std::printf("cut similarity %.3f\n", cosine_similarity(e[29], e[30]));
  const std::vector<int> keys = select_keyframes(e, {});
  EXPECT_NE(std::find(keys.begin(), keys.end(), 29), keys.end());
  EXPECT_NE(std::find(keys.begin(), keys.end(), 30), keys.end());
}

TEST(ThumbnailEmbedder, FlatFramesAndIdentity) {
  const Frame flat = Frame::allocate(64, 48, {}, 100);
  ThumbnailEmbedder embedder;
  const Embedding e = embedder.embed(flat, {});
  EXPECT_DOUBLE_EQ(cosine_similarity(e, e), 1.0);  // two zero vectors: identical
  SyntheticSpec spec;
  spec.width = 64;
  spec.height = 48;
  const Frame textured = SyntheticSequence(spec).render(0);
  const Embedding t = embedder.embed(textured, {});
  EXPECT_NEAR(cosine_similarity(t, t), 1.0, 1e-6);
  EXPECT_EQ(cosine_similarity(e, t), 0.0);
}

}  // namespace
}  // namespace tgvc
