#include "codecs/tgvc/keyframes/torchscript_embedder.h"

#include <filesystem>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/core/sha256.h"
#include "tests/unit/tgvc_torch/tgvc_torch_test_util.h"

namespace tgvc {
namespace {

using torch_test::expect_input_error;
using torch_test::module_path;

TEST(TorchScriptEmbedder, SolidColourGivesTheModelsNormalisedChannelMeans) {
  // embedder_pool: image_size 16, mean (0.5, 0.4, 0.3), std (0.25, 0.5, 1), then a 2x2 average pool.
  const TorchScriptEmbedder embedder(module_path("embedder_pool.pt"));
  Video v = torch_test::rgb_video(40, 24, 1);
  for (uint16_t& s : v.frames[0].planes[0].samples) s = 255;
  for (uint16_t& s : v.frames[0].planes[2].samples) s = 51;
  const Embedding e = embedder.embed(v.frames[0], v.info.colour);
  // (1 - 0.5) / 0.25, (0 - 0.4) / 0.5, (0.2 - 0.3) / 1, each channel's 2x2 cells in a row.
  const std::vector<float> want = {2, 2, 2, 2, -0.8f, -0.8f, -0.8f, -0.8f, -0.1f, -0.1f, -0.1f, -0.1f};
  ASSERT_EQ(e.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(e[i], want[i], 1e-6) << i;
  EXPECT_EQ(embedder.dissimilarity_gain(), 1.0);
  EXPECT_THAT(embedder.preprocessing(), ::testing::HasSubstr("16 px"));
  EXPECT_THAT(embedder.preprocessing(), ::testing::HasSubstr("from the model"));
}

TEST(TorchScriptEmbedder, WithoutAttributesUsesOpenClipsSizeMeanAndStd) {
  // embedder_mean returns each channel's mean; full-range YUV (128, 128, 128) is RGB 128.
  const TorchScriptEmbedder embedder(module_path("embedder_mean.pt"));
  const Video v = torch_test::yuv_video(64, 48, 1, 128, Range::kFull);
  const Embedding e = embedder.embed(v.frames[0], v.info.colour);
  ASSERT_EQ(e.size(), 3u);
  const double x = 128.0 / 255.0;
  EXPECT_NEAR(e[0], (x - 0.48145466) / 0.26862954, 1e-5);
  EXPECT_NEAR(e[1], (x - 0.4578275) / 0.26130258, 1e-5);
  EXPECT_NEAR(e[2], (x - 0.40821073) / 0.27577711, 1e-5);
  EXPECT_THAT(embedder.preprocessing(), ::testing::HasSubstr("224 px"));
  EXPECT_THAT(embedder.preprocessing(), ::testing::HasSubstr("OpenCLIP defaults"));
}

TEST(TorchScriptEmbedder, TexturedFrameMatchesPythonTorch) {
  // Python resized, rounded, cropped and normalised the same frame (make_modules.py).
  const TorchScriptEmbedder embedder(module_path("embedder_pool.pt"));
  const Embedding e = embedder.embed(torch_test::textured_rgb(), ColourSpec{});
  const std::vector<double> want =
      torch_test::expected()["embedder_pool_textured"].get<std::vector<double>>();
  ASSERT_EQ(e.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(e[i], want[i], 2e-5) << i;
}

TEST(TorchScriptEmbedder, IsDeterministicAndVersionedByTheFilesDigest) {
  const std::string path = module_path("embedder_grid.pt");
  const TorchScriptEmbedder a(path);
  const TorchScriptEmbedder b(path);
  const Frame frame = torch_test::textured_rgb();
  EXPECT_EQ(a.embed(frame, {}), a.embed(frame, {}));
  EXPECT_EQ(a.embed(frame, {}), b.embed(frame, {}));
  EXPECT_EQ(a.model_sha256(), sha256_file(path));
  EXPECT_EQ(a.version(), "1 (model " + sha256_file(path).substr(0, 12) + ")");
  EXPECT_EQ(a.id(), "torchscript");
}

TEST(TorchScriptEmbedder, MissingFileNamesItAndHowToFetchThePapersModel) {
  expect_input_error([] { TorchScriptEmbedder e("/nonexistent/tower.pt"); }, "tgvc embedder",
                     {"'/nonexistent/tower.pt' (no such file)", "'thumbnail'",
                      "tgvc-bench models fetch openclip-vit-h-14-image"});
  expect_input_error([] { TorchScriptEmbedder e(TGVC_TORCH_FIXTURES); }, "tgvc embedder",
                     {"not a regular file"});
  expect_input_error([] { TorchScriptEmbedder e("", "cpu", "my setting"); }, "my setting", {"no such file"});
}

TEST(TorchScriptEmbedder, AFileThatIsNotTorchScriptIsAnInputError) {
  const std::string path = module_path("not_torchscript.pt");
  expect_input_error([&] { TorchScriptEmbedder e(path); }, "tgvc embedder " + path, {"TorchScript"});
}

TEST(TorchScriptEmbedder, WrongOutputIsAClearError) {
  const Frame frame = torch_test::textured_rgb();
  const std::string vector = module_path("embedder_vector.pt");
  const TorchScriptEmbedder flat(vector);
  expect_input_error([&] { flat.embed(frame, {}); }, "tgvc embedder " + vector,
                     {"embeddings [N, D]", "of shape [1] for 1 image"});
  const std::string pair = module_path("embedder_tuple.pt");
  const TorchScriptEmbedder tuple(pair);
  expect_input_error([&] { tuple.embed(frame, {}); }, "tgvc embedder " + pair,
                     {"embeddings [N, D]", "Tuple"});
}

TEST(TorchScriptEmbedder, RecordedDigestIsChecked) {
  torch_test::ScratchDir dir;
  const std::string path = dir.file("tower.pt");
  std::filesystem::copy_file(module_path("embedder_pool.pt"), path);
  torch_test::write_text(path + ".sha256", std::string(64, '0') + "  tower.pt\n");
  expect_input_error(
      [&] { TorchScriptEmbedder e(path); }, "tgvc embedder",
      {path + ".sha256", "has SHA-256 " + sha256_file(path), "expected " + std::string(64, '0')});
  torch_test::write_text(path + ".sha256", "not a digest\n");
  expect_input_error([&] { TorchScriptEmbedder e(path); }, "tgvc embedder " + path + ".sha256",
                     {"sha256sum"});
  torch_test::write_text(path + ".sha256", sha256_file(path) + "  tower.pt\n");
  EXPECT_EQ(TorchScriptEmbedder(path).model_sha256(), sha256_file(path));
}

TEST(TorchScriptEmbedder, BadDeviceAndMalformedFramesAreInputErrors) {
  expect_input_error([] { TorchScriptEmbedder e(module_path("embedder_pool.pt"), "gpu"); },
                     "tgvc embedder device", {"cpu or cuda"});
  const TorchScriptEmbedder embedder(module_path("embedder_pool.pt"));
  Frame frame = torch_test::textured_rgb();
  frame.planes[1].samples.pop_back();
  expect_input_error([&] { embedder.embed(frame, {}); }, "tgvc embedder input frame plane 1",
                     {"40x24 samples"});
}

}  // namespace
}  // namespace tgvc
