// CLIP-SIM with a tower whose embedding is the mean normalised colour: solid frames give
// embeddings, and so cosines, that can be computed by hand; the preprocessing's geometry is
// checked on its own.
#include <gtest/gtest.h>

#include <ATen/Parallel.h>

#include <cmath>

#include "harness/core/error.h"
#include "harness/torch/metrics/clip_compute.h"
#include "tests/unit/learned/learned_test_util.h"

namespace tgvc {
namespace {

using learned_test::solid_video;

double hand_cosine(const std::array<int, 3>& a, const std::array<int, 3>& b, const ClipPreprocess& p) {
  double dot = 0, na = 0, nb = 0;
  for (int c = 0; c < 3; ++c) {
    const double ea = (a[c] / 255.0 - p.mean[c]) / p.std[c];
    const double eb = (b[c] / 255.0 - p.mean[c]) / p.std[c];
    dot += ea * eb;
    na += ea * ea;
    nb += eb * eb;
  }
  return dot / std::sqrt(na * nb);
}

ParamSet clip_options(int batch = 2) {
  ParamSet p;
  p.set("device", "cpu");
  p.set("batch", std::to_string(batch));
  return p;
}

const std::vector<std::array<int, 3>> kRef = {{200, 30, 90}, {10, 250, 128}, {77, 77, 77}};
const std::vector<std::array<int, 3>> kDist = {{190, 60, 80}, {240, 5, 100}, {77, 77, 77}};

TEST(ClipPreprocess, ResizesTheShorterSideAndCropsTheCentreAsTorchvision) {
  // 512x320: shorter side 320 -> 224, longer int(224 * 512 / 320) = 358, crop left round(67.0).
  at::Tensor ramp =
      at::arange(512, at::kFloat).div(511).view({1, 1, 1, 512}).expand({1, 3, 320, 512}).contiguous();
  ClipPreprocess p;
  p.mean = {0, 0, 0};
  p.std = {1, 1, 1};
  const at::Tensor x = clip_preprocess(ramp, p);
  EXPECT_EQ(x.sizes(), (at::IntArrayRef{1, 3, 224, 224}));
  // The crop keeps the middle: its mean equals the ramp's middle value (symmetry), within 8-bit
  // rounding; its left edge sits at 67/358 of the width.
  EXPECT_NEAR(x.mean().item<double>(), 0.5, 1.0 / 255);
  EXPECT_NEAR(x[0][0][100][0].item<double>(), (67 + 0.5) / 358.0, 2.0 / 255);
  // 8-bit values, as PIL stores them.
  const at::Tensor scaled = x * 255;
  EXPECT_TRUE(at::allclose(scaled, scaled.round(), 0, 1e-4));
  // Portrait input: the width becomes the shorter side.
  EXPECT_EQ(clip_preprocess(at::zeros({2, 3, 100, 50}), p).sizes(), (at::IntArrayRef{2, 3, 224, 224}));
}

TEST(Clipsim, MatchesTheHandComputationWithTheModelsOwnPreprocessing) {
  const learned_test::ScratchDir dir;
  learned_test::save_mean_colour_tower(dir.file("tower.pt"), 32);
  const Video ref = solid_video(40, 24, kRef), dist = solid_video(40, 24, kDist);
  const std::vector<MetricValue> v =
      clipsim_values(ref, dist, clip_options(), learned_test::model_file(dir.file("tower.pt")));
  ASSERT_EQ(v.size(), 1u);
  ASSERT_TRUE(v[0].available) << v[0].reason;
  EXPECT_EQ(v[0].name, "clipsim");
  ClipPreprocess model;  // the tower's attributes
  model.mean = {0.5, 0.25, 0.125};
  model.std = {0.5, 0.5, 0.25};
  ASSERT_EQ(v[0].per_frame.size(), 3u);
  for (size_t f = 0; f < 3; ++f)
    EXPECT_NEAR(v[0].per_frame[f], hand_cosine(kRef[f], kDist[f], model), 1e-6) << f;
  EXPECT_NEAR(v[0].per_frame[2], 1.0, 1e-12);
  EXPECT_NEAR(v[0].value, (v[0].per_frame[0] + v[0].per_frame[1] + v[0].per_frame[2]) / 3, 1e-15);
  EXPECT_NE(v[0].convention.find("from the model"), std::string::npos) << v[0].convention;
  EXPECT_NE(v[0].convention.find("shorter side is 32"), std::string::npos) << v[0].convention;
}

TEST(Clipsim, UsesOpenClipDefaultsWithoutAttributes) {
  const learned_test::ScratchDir dir;
  learned_test::save_mean_colour_tower(dir.file("plain.pt"), 224, false);
  const Video ref = solid_video(40, 24, kRef), dist = solid_video(40, 24, kDist);
  const std::vector<MetricValue> v =
      clipsim_values(ref, dist, clip_options(3), learned_test::model_file(dir.file("plain.pt")));
  ASSERT_TRUE(v[0].available) << v[0].reason;
  for (size_t f = 0; f < 3; ++f)
    EXPECT_NEAR(v[0].per_frame[f], hand_cosine(kRef[f], kDist[f], ClipPreprocess{}), 1e-6);
  EXPECT_NE(v[0].convention.find("OpenCLIP defaults"), std::string::npos);
}

TEST(Clipsim, SymmetricBatchAndThreadIndependent) {
  const learned_test::ScratchDir dir;
  learned_test::save_mean_colour_tower(dir.file("tower.pt"), 32);
  const auto [ref, dist] = learned_test::fixture_videos();
  const ModelFile tower = learned_test::model_file(dir.file("tower.pt"));
  const std::vector<double> ab = clipsim_values(ref, dist, clip_options(3), tower)[0].per_frame;
  const std::vector<double> ba = clipsim_values(dist, ref, clip_options(3), tower)[0].per_frame;
  EXPECT_EQ(ab, ba);
  EXPECT_EQ(clipsim_values(ref, dist, clip_options(1), tower)[0].per_frame, ab);
  const std::vector<MetricValue> same = clipsim_values(ref, ref, clip_options(3), tower);
  for (double s : same[0].per_frame) EXPECT_NEAR(s, 1.0, 1e-12);
  const int threads = at::get_num_threads();
  at::set_num_threads(1);
  EXPECT_EQ(clipsim_values(ref, dist, clip_options(3), tower)[0].per_frame, ab);
  at::set_num_threads(threads);
}

TEST(Clipsim, MissingTowerAndWrongModelsAreReported) {
  const learned_test::ScratchDir dir;
  const Video ref = solid_video(40, 24, kRef);
  ModelFile missing;
  missing.name = "openclip-vit-h-14-image";
  missing.path = dir.file("absent.pt");
  missing.fetch = "tgvc-bench models fetch clipsim";
  const std::vector<MetricValue> v = clipsim_values(ref, ref, clip_options(), missing);
  EXPECT_FALSE(v[0].available);
  EXPECT_EQ(v[0].reason, "model 'openclip-vit-h-14-image' missing: run `tgvc-bench models fetch clipsim`");
  // A file that is not TorchScript, and a model that refuses the tower's input size.
  { std::ofstream(dir.file("junk.pt")) << "not a model"; }
  EXPECT_THROW(clipsim_values(ref, ref, clip_options(), learned_test::model_file(dir.file("junk.pt"))),
               InputError);
  learned_test::save_channel_statistics_detector(dir.file("detector.pt"));
  EXPECT_THROW(clipsim_values(ref, ref, clip_options(), learned_test::model_file(dir.file("detector.pt"))),
               InputError);
}

}  // namespace
}  // namespace tgvc
