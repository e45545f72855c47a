// The diffusion generator on the tiny modules of make_diffusion_modules.py: guidance, seeds, the
// two-pass and short-clip paths, contract errors and the tgvc codec end to end.
#include <chrono>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "codecs/tgvc/generate/diffusion_generator.h"
#include "codecs/tgvc/tgvc_codec.h"
#include "codecs/tgvc/tgvc_encoder.h"
#include "harness/core/lcg.h"
#include "tests/unit/tgvc_torch/diffusion_test_util.h"

namespace tgvc {
namespace {

using torch_test::diffusion_dir;
using torch_test::expect_input_error;
using torch_test::tiny_options;

// A 4:2:0 picture of random 8x8 blocks (so that every latent cell differs), moved `shift` px right.
Frame blocks(int width, int height, int shift, uint32_t seed) {
  Frame f = Frame::allocate(width, height, {ChromaFormat::k420, 8, ColourFamily::kYuv}, 128);
  Lcg r(seed);
  std::vector<uint16_t> cells(static_cast<size_t>((width / 8 + 8) * (height / 8)));
  for (uint16_t& c : cells) c = static_cast<uint16_t>(30 + r.next() % 190);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const int cx = ((x - shift) % width + width) % width / 8;
      f.planes[0].at(x, y) = cells[static_cast<size_t>((y / 8) * (width / 8 + 8) + cx)];
    }
  }
  return f;
}

struct Case {
  Video keyframes;
  std::vector<int> indices;
  std::vector<ClipTrajectories> clips;
  int frames = 0;
};

// Clips between keyframes at `indices` of a 64x40 picture moving 16 px right per clip, with
// tracks that follow the motion in a few rows.
Case moving_case(const std::vector<int>& indices) {
  Case c;
  c.indices = indices;
  c.frames = indices.back() + 1;
  c.keyframes.info.width = 64;
  c.keyframes.info.height = 40;
  c.keyframes.info.format = {ChromaFormat::k420, 8, ColourFamily::kYuv};
  for (size_t k = 0; k < indices.size(); ++k)
    c.keyframes.frames.push_back(blocks(64, 40, 16 * static_cast<int>(k), 5));
  for (size_t k = 0; k + 1 < indices.size(); ++k) {
    ClipTrajectories clip;
    clip.frames = indices[k + 1] - indices[k] + 1;
    for (const float y : {4.f, 20.f, 36.f}) {
      for (const float x0 : {8.f, 28.f}) {
        CodedTrack t;
        for (int j = 0; j < clip.frames; ++j) {
          t.x.push_back(x0 + 16.f * j / (clip.frames - 1));
          t.y.push_back(y);
          t.visible.push_back(1);
        }
        clip.tracks.push_back(t);
      }
    }
    c.clips.push_back(clip);
  }
  return c;
}

Video run(const Case& c, const DiffusionOptions& o, std::vector<DiffusionPassReport>* reports = nullptr) {
  return DiffusionGenerator(o).between_keyframes(c.keyframes, c.indices, c.clips, c.frames, reports);
}

bool same_frames(const Video& a, const Video& b) {
  if (a.frame_count() != b.frame_count()) return false;
  for (int f = 0; f < a.frame_count(); ++f) {
    for (int p = 0; p < 3; ++p) {
      if (a.frames[f].planes[p].samples != b.frames[f].planes[p].samples) return false;
    }
  }
  return true;
}

TEST(DiffusionGenerator, GuidanceLowersTheAlignmentLossAgainstTheSameSeedWithout) {
  const Case c = moving_case({0, 15});
  double guided_total = 0, free_total = 0;
  for (const uint32_t seed : {1u, 2u, 3u}) {
    DiffusionOptions guided = tiny_options(50);
    guided.seed = seed;
    DiffusionOptions free = guided;
    free.ddim.guidance_strength = 0;
    std::vector<DiffusionPassReport> g, f;
    run(c, guided, &g);
    run(c, free, &f);
    ASSERT_EQ(g.size(), 1u);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_LT(g[0].alignment_loss, 0.8 * f[0].alignment_loss) << "seed " << seed;
    guided_total += g[0].alignment_loss;
    free_total += f[0].alignment_loss;
  }
  EXPECT_GT(free_total, 0);
  RecordProperty("alignment_loss_guided", std::to_string(guided_total));
  RecordProperty("alignment_loss_unguided", std::to_string(free_total));
}

TEST(DiffusionGenerator, SamplingIsDeterministicForASeedAndDiffersForAnother) {
  const Case c = moving_case({0, 15});
  const DiffusionOptions o = tiny_options(6);
  const Video a = run(c, o);
  const Video b = run(c, o);
  EXPECT_TRUE(same_frames(a, b));
  DiffusionOptions other = o;
  other.seed = 2;
  EXPECT_FALSE(same_frames(a, run(c, other)));
}

void expect_keyframes_in_place(const Video& out, const Case& c) {
  ASSERT_EQ(out.frame_count(), c.frames);
  for (size_t k = 0; k < c.indices.size(); ++k) {
    for (int p = 0; p < 3; ++p) {
      EXPECT_EQ(out.frames[c.indices[k]].planes[p].samples, c.keyframes.frames[k].planes[p].samples)
          << "keyframe " << k << " plane " << p;
    }
  }
}

TEST(DiffusionGenerator, TwoPassAndShortClipsGiveTheirFramesWithKeyframesUnchanged) {
  const DiffusionOptions o = tiny_options(4);
  const Case two_pass = moving_case({0, 19});
  std::vector<DiffusionPassReport> reports;
  const Video a = run(two_pass, o, &reports);
  expect_keyframes_in_place(a, two_pass);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[1].pass, 1);
  EXPECT_EQ(reports[1].step_losses.size(), 4u);
  EXPECT_EQ(a.frames[5].width(), 64);
  EXPECT_EQ(a.frames[5].format, two_pass.keyframes.info.format);

  const Case mixed = moving_case({0, 8, 9, 29});  // 9 frames (short), 2 (nothing to make), 21 (two passes)
  reports.clear();
  const Video b = run(mixed, o, &reports);
  expect_keyframes_in_place(b, mixed);
  EXPECT_EQ(reports.size(), 3u);
  // The generated frames follow the model: the tiny model's frames are not the blend of the
  // keyframes (its middle frames are a blend of the conditions' 8x8 means, seen through noise).
  EXPECT_NE(b.frames[4].planes[0].samples, b.frames[0].planes[0].samples);
}

TEST(DiffusionGenerator, MissingOrBrokenModulesAreInputErrorsNamingKeyAndFile) {
  const Case c = moving_case({0, 15});
  DiffusionOptions o = tiny_options(2);
  o.model_dir = diffusion_dir("missing");
  expect_input_error([&] { run(c, o); }, "tgvc diffusion-model",
                     {o.model_dir + "/denoiser.pt' (no such file)",
                      "tgvc-bench models fetch dynamicrafter-512-interp", "docs/diffusion.md"});
  o.model_dir = "";
  expect_input_error([&] { run(c, o); }, "tgvc diffusion-model", {"no diffusion-model given"});

  o.model_dir = diffusion_dir("wrong_denoiser");
  const std::string denoiser = o.model_dir + "/denoiser.pt";
  expect_input_error([&] { run(c, o); }, "tgvc diffusion-model denoiser " + denoiser,
                     {"a denoiser: forward(x [B, 4, T, h, w]", "[2, 4, 16, 5, 8]", "[2, 4, 16, 5, 9]"});
  o.model_dir = diffusion_dir("tuple_encoder");
  expect_input_error([&] { run(c, o); },
                     "tgvc diffusion-model vae_encoder " + o.model_dir + "/vae_encoder.pt",
                     {"a VAE encoder", "Tuple"});
  o.model_dir = diffusion_dir("not_script");
  expect_input_error([&] { run(c, o); },
                     "tgvc diffusion-model conditioner " + o.model_dir + "/conditioner.pt",
                     {"a TorchScript file"});
  o = tiny_options(2);
  o.device = "cuda";  // this machine's LibTorch has no CUDA device
  expect_input_error([&] { run(c, o); }, "tgvc diffusion-device", {"cuda"});
}

TEST(DiffusionGenerator, TheTgvcCodecDecodesWithTheDiffusionGeneratorEndToEnd) {
  // Keyframes through x265, trajectories from tracker_split.pt (points left of the middle move
  // 2 px per frame; make_modules.py), in-between frames from the tiny model.
  Video source = torch_test::yuv_video(128, 80, 20);
  for (int f = 0; f < 20; ++f) source.frames[f] = blocks(128, 80, 2 * f, 9);
  const std::map<std::string, std::string> given = {{"generator", "diffusion"},
                                                    {"diffusion-model", diffusion_dir("tiny")},
                                                    {"diffusion-steps", "3"},
                                                    {"embedder", torch_test::module_path("embedder_grid.pt")},
                                                    {"tracker", torch_test::module_path("tracker_split.pt")},
                                                    {"quant-step", "1"},
                                                    {"grid", "16"},
                                                    {"min-motion", "0.5"},
                                                    {"min-importance-motion", "0"}};
  const TgvcCodec codec;
  const Encoded encoded = codec.encode(source, ParamSet::resolve(codec.param_specs(), given, "tgvc"));
  EXPECT_EQ(encoded.decoder_options.at("generator"), "diffusion");
  EXPECT_EQ(encoded.decoder_options.at("diffusion-steps"), "3");
  EXPECT_EQ(encoded.decoder_options.at("cfg-scale"), "7.5");  // defaults travel too
  const Video decoded = codec.decode(encoded);
  ASSERT_EQ(decoded.frame_count(), 20);
  // The keyframes are the blend decoder's (the same decoded stills), the rest the model's.
  const Video blend = tgvc_decode(encoded.bitstream, "t", "blend");
  const TgvcStream stream = read_tgvc(encoded.bitstream, "t");
  size_t tracks = 0;
  for (const ClipTrajectories& clip : stream.clips) tracks += clip.tracks.size();
  EXPECT_GT(tracks, 0u);  // the guidance has trajectories to follow
  int differing = 0;
  for (int f = 0; f < 20; ++f) {
    const bool keyframe = std::count(stream.keyframes.begin(), stream.keyframes.end(), f) > 0;
    const bool same = decoded.frames[f].planes[0].samples == blend.frames[f].planes[0].samples;
    if (keyframe) {
      EXPECT_TRUE(same) << "keyframe " << f;
    }
    differing += same ? 0 : 1;
  }
  EXPECT_GT(differing, 0);
  // Decoding again gives the same video (seeded).
  EXPECT_TRUE(same_frames(decoded, codec.decode(encoded)));
  Encoded broken = encoded;
  broken.decoder_options["diffusion-steps"] = "many";
  expect_input_error([&] { codec.decode(broken); }, "tgvc.diffusion-steps", {"'many'"});
}

// The sampler's own cost per step at the paper's size (512x320, latents 64x40x16) with the tiny
// modules: guidance gradient, CFG batch, schedule arithmetic, not a real UNet. Run by hand:
//   unit_tgvc_torch --gtest_also_run_disabled_tests --gtest_filter='*SamplerStepTime*'
TEST(DiffusionGenerator, DISABLED_SamplerStepTimeAt512x320) {
  Case c;
  c.indices = {0, 15};
  c.frames = 16;
  c.keyframes.info.width = 512;
  c.keyframes.info.height = 320;
  c.keyframes.frames = {blocks(512, 320, 0, 5), blocks(512, 320, 32, 5)};
  ClipTrajectories clip;
  clip.frames = 16;
  Lcg r(3);
  for (int k = 0; k < 100; ++k) {  // about what T-GVC sends per clip
    CodedTrack t;
    const float x0 = static_cast<float>(r.next() % 480), y0 = static_cast<float>(r.next() % 320);
    for (int j = 0; j < 16; ++j) {
      t.x.push_back(x0 + 2.f * j);
      t.y.push_back(y0);
      t.visible.push_back(1);
    }
    clip.tracks.push_back(t);
  }
  c.clips = {clip};
  // Per step: the difference between 50 and 2 steps over 48 (the VAE and conversions cancel);
  // the fastest of 3 runs each, as the machine is shared.
  for (const double strength : {30.0, 0.0}) {
    double best[2] = {1e9, 1e9};
    for (int run = 0; run < 3; ++run) {
      for (const int i : {0, 1}) {
        DiffusionOptions o = tiny_options(i == 0 ? 2 : 50);
        o.ddim.guidance_strength = strength;
        const DiffusionGenerator generator(o);
        const auto start = std::chrono::steady_clock::now();
        generator.between_keyframes(c.keyframes, c.indices, c.clips, c.frames);
        best[i] = std::min(best[i],
                           std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      }
    }
    std::printf("guidance %.0f: 2 steps %.3f s, 50 steps %.3f s, %.1f ms per step\n", strength, best[0],
                best[1], (best[1] - best[0]) / 48 * 1000);
  }
}

}  // namespace
}  // namespace tgvc
