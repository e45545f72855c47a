// tools/models/export_dynamicrafter.py, tested without the checkpoint: at build time it exports a
// fake DynamiCrafter tree with a seeded checkpoint (make_dynamicrafter_export.py); here the
// diffusion generator loads that export through its model loader (SHA-256 sidecars, the call
// contract of docs/diffusion.md) and runs one DDIM step.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "codecs/tgvc/generate/diffusion_generator.h"
#include "harness/core/lcg.h"
#include "tests/unit/tgvc_torch/tgvc_torch_test_util.h"

namespace tgvc {
namespace {

using torch_test::expect_input_error;
using torch_test::module_path;

nlohmann::json export_sizes() {
  std::ifstream in(module_path("dynamicrafter/export.json"));
  return nlohmann::json::parse(in);
}

// A 4:2:0 picture of random 8x8 blocks.
Frame random_blocks(int width, int height, uint32_t seed) {
  Frame f = Frame::allocate(width, height, {ChromaFormat::k420, 8, ColourFamily::kYuv}, 128);
  Lcg r(seed);
  std::vector<uint16_t> cells(static_cast<size_t>((width / 8) * (height / 8)));
  for (uint16_t& c : cells) c = static_cast<uint16_t>(30 + r.next() % 190);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x)
      f.planes[0].at(x, y) = cells[static_cast<size_t>((y / 8) * (width / 8) + x / 8)];
  }
  return f;
}

struct ExportCase {
  Video keyframes;
  std::vector<int> indices;
  std::vector<ClipTrajectories> clips;
  int frames = 0;
};

// Two keyframes one pass apart (the export's frame count), no trajectories.
ExportCase one_pass(int width, int height, int frames) {
  ExportCase c;
  c.indices = {0, frames - 1};
  c.frames = frames;
  c.keyframes.info.width = width;
  c.keyframes.info.height = height;
  c.keyframes.info.format = {ChromaFormat::k420, 8, ColourFamily::kYuv};
  c.keyframes.frames = {random_blocks(width, height, 3), random_blocks(width, height, 4)};
  ClipTrajectories clip;
  clip.frames = frames;
  c.clips = {clip};
  return c;
}

DiffusionOptions export_options() {
  DiffusionOptions o;
  o.model_dir = module_path("dynamicrafter/export");
  o.ddim.steps = 1;
  return o;
}

// Population standard deviation of a frame's luma.
double luma_spread(const Frame& f) {
  double sum = 0, square = 0;
  for (const uint16_t v : f.planes[0].samples) {
    sum += v;
    square += static_cast<double>(v) * v;
  }
  const double n = static_cast<double>(f.planes[0].samples.size());
  return std::sqrt(std::max(0.0, square / n - (sum / n) * (sum / n)));
}

TEST(ExportDynamiCrafter, TheExportLoadsAndRunsOneSamplerStep) {
  const nlohmann::json sizes = export_sizes();
  const ExportCase c = one_pass(sizes.at("width"), sizes.at("height"), sizes.at("frames"));
  std::vector<DiffusionPassReport> reports;
  const Video out = DiffusionGenerator(export_options())
                        .between_keyframes(c.keyframes, c.indices, c.clips, c.frames, &reports);
  ASSERT_EQ(out.frame_count(), c.frames);
  EXPECT_EQ(reports.size(), 1u);
  EXPECT_EQ(out.frames[0].planes[0].samples, c.keyframes.frames[0].planes[0].samples);
  EXPECT_EQ(out.frames[c.frames - 1].planes[0].samples, c.keyframes.frames[1].planes[0].samples);
  // The fake stages start at zero: only the checkpoint's weights (carried by the export) make a
  // generated frame that is not one flat grey.
  for (int f = 1; f + 1 < c.frames; ++f) EXPECT_GT(luma_spread(out.frames[f]), 1.0) << "frame " << f;
  // The same seed gives the same frames.
  const Video again =
      DiffusionGenerator(export_options()).between_keyframes(c.keyframes, c.indices, c.clips, c.frames);
  for (int f = 0; f < c.frames; ++f)
    EXPECT_EQ(again.frames[f].planes[0].samples, out.frames[f].planes[0].samples);
}

TEST(ExportDynamiCrafter, AnExportWhoseDigestDoesNotMatchIsRefused) {
  const std::string dir = module_path("dynamicrafter/export");
  std::ifstream digest(dir + "/denoiser.pt.sha256");
  std::string line;
  std::getline(digest, line);
  ASSERT_EQ(line.size(), 64u + 2 + std::string("denoiser.pt").size()) << "sha256sum format";
  // A copy of the export with one digest changed.
  torch_test::ScratchDir tmp;
  const std::string copy = tmp.file("export");
  std::filesystem::copy(dir, copy);
  torch_test::write_text(copy + "/denoiser.pt.sha256", std::string(64, '0') + "  denoiser.pt\n");
  DiffusionOptions o = export_options();
  o.model_dir = copy;
  const nlohmann::json sizes = export_sizes();
  const ExportCase c = one_pass(sizes.at("width"), sizes.at("height"), sizes.at("frames"));
  expect_input_error(
      [&] { DiffusionGenerator(o).between_keyframes(c.keyframes, c.indices, c.clips, c.frames); },
      "tgvc diffusion-model denoiser", {"SHA-256", copy + "/denoiser.pt.sha256"});
}

}  // namespace
}  // namespace tgvc
