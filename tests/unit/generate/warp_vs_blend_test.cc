// The goal on the synthetic sequences: one .tgvc decoded by the blend and by the warp
// generator; warp must follow the motion better (trajectory error against the generator's ground
// truth) with PSNR and MS-SSIM no worse. Both at the default thresholds: crossing's slow objects
// (M 1.2..2.9) are sent since min-motion is 1 (the paper's 3 sent none of them).
#include <cstdio>

#include <gtest/gtest.h>

#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "codecs/tgvc/tgvc_codec.h"
#include "datasets/synthetic/synthetic_sequence.h"
#include "harness/metrics/registry.h"
#include "harness/run/synthetic_truth.h"

namespace tgvc {
namespace {

double metric(const std::string& id, const std::string& name, const Video& ref, const Video& dist,
              const MetricContext& context = {}) {
  const Metric* m = find_metric(id) ? find_metric(id)->plain : nullptr;
  EXPECT_NE(m, nullptr) << id;
  if (m == nullptr) return -1;
  for (const MetricValue& v :
       m->compute_in_context(ref, dist, ParamSet::resolve(m->param_specs(), {}, id), context)) {
    if (v.name == name) return v.value;
  }
  ADD_FAILURE() << id << " gives no " << name;
  return -1;
}

Video synthetic(const std::string& scene, uint32_t seed, int width, int height, int frames,
                std::unique_ptr<SyntheticSequence>* keep) {
  SyntheticSpec spec;
  spec.scene = scene;
  spec.seed = seed;
  spec.width = width;
  spec.height = height;
  spec.frame_count = frames;
  *keep = std::make_unique<SyntheticSequence>(spec);
  return (*keep)->render_range(0, frames);
}

size_t track_count(const Encoded& encoded) {
  size_t tracks = 0;
  for (const ClipTrajectories& c : read_tgvc(encoded.bitstream, "test").clips) tracks += c.tracks.size();
  return tracks;
}

TEST(WarpVsBlend, TheGeneratorIsADecoderChoiceOnly) {
  std::unique_ptr<SyntheticSequence> sequence;
  const Video source = synthetic("orbit", 1, 192, 128, 12, &sequence);
  const TgvcCodec codec;
  const Encoded blend =
      codec.encode(source, ParamSet::resolve(codec.param_specs(), {{"generator", "blend"}}, "tgvc"));
  const Encoded warp =
      codec.encode(source, ParamSet::resolve(codec.param_specs(), {{"generator", "warp"}}, "tgvc"));
  EXPECT_EQ(blend.bitstream, warp.bitstream);
  EXPECT_EQ(blend.decoder_options.at("generator"), "blend");
  EXPECT_EQ(warp.decoder_options.at("generator"), "warp");
}

TEST(WarpVsBlend, WithoutTrajectoriesWarpIsBlendUnlessTheEncoderChoseTheCamera) {
  // crossing with no trajectory sent (trajectory-scale 0): each clip is the blend, or the
  // camera-aware background where the encoder measured it better.
  std::unique_ptr<SyntheticSequence> sequence;
  const Video source = synthetic("crossing", 2, 512, 320, 36, &sequence);
  const TgvcCodec codec;
  {
    Encoded encoded =
        codec.encode(source, ParamSet::resolve(codec.param_specs(), {{"trajectory-scale", "0"}}, "tgvc"));
    ASSERT_EQ(track_count(encoded), 0u);
    const TgvcStream stream = read_tgvc(encoded.bitstream, "test");
    encoded.decoder_options["generator"] = "blend";
    const Video blend = codec.decode(encoded);
    encoded.decoder_options["generator"] = "warp";
    const Video warp = codec.decode(encoded);
    ASSERT_EQ(blend.frame_count(), warp.frame_count());
    int chosen = 0;
    for (size_t c = 0; c < stream.clips.size(); ++c) {
      Video clip_source, clip_blend, clip_warp;
      for (int f = stream.keyframes[c] + 1; f < stream.keyframes[c + 1]; ++f) {
        clip_source.frames.push_back(source.frames[f]);
        clip_blend.frames.push_back(blend.frames[f]);
        clip_warp.frames.push_back(warp.frames[f]);
        if (stream.clips[c].background == BackgroundMode::kBlend) {
          for (int p = 0; p < 3; ++p)
            EXPECT_EQ(blend.frames[f].planes[p].samples, warp.frames[f].planes[p].samples) << f;
        }
      }
      if (stream.clips[c].background == BackgroundMode::kBlend || clip_source.frames.empty()) continue;
      ++chosen;
      clip_source.info = clip_blend.info = clip_warp.info = source.info;
      EXPECT_GE(metric("psnr", "psnr_y_msepool", clip_source, clip_warp),
                metric("psnr", "psnr_y_msepool", clip_source, clip_blend) + 0.1)
          << "clip " << c;
    }
    std::printf("crossing: %d of %zu clips with the camera-aware background\n", chosen, stream.clips.size());
  }
}

struct Case {
  std::string scene;
  uint32_t seed;
  std::map<std::string, std::string> params;
};

class WarpBeatsBlend : public testing::TestWithParam<Case> {};

TEST_P(WarpBeatsBlend, LowerTrajectoryErrorAndNoWorsePsnrOrMsssim) {
  std::unique_ptr<SyntheticSequence> sequence;
  const Video source = synthetic(GetParam().scene, GetParam().seed, 512, 320, 36, &sequence);
  const TgvcCodec codec;
  Encoded encoded = codec.encode(source, ParamSet::resolve(codec.param_specs(), GetParam().params, "tgvc"));
  const size_t tracks = track_count(encoded);
  ASSERT_GT(tracks, 0u) << "no trajectories sent: nothing to guide";
  encoded.decoder_options["generator"] = "blend";
  const Video blend = codec.decode(encoded);
  encoded.decoder_options["generator"] = "warp";
  const Video warp = codec.decode(encoded);

  const SyntheticTruth truth(sequence->spec(), 0);
  MetricContext context;
  context.motion_truth = &truth;
  const double te_blend = metric("trajectory_error", "trajectory_error", source, blend, context);
  const double te_warp = metric("trajectory_error", "trajectory_error", source, warp, context);
  const double psnr_blend = metric("psnr", "psnr_y", source, blend);
  const double psnr_warp = metric("psnr", "psnr_y", source, warp);
  const double msssim_blend = metric("msssim", "msssim_rgb", source, blend);
  const double msssim_warp = metric("msssim", "msssim_rgb", source, warp);
  std::printf(
      "%s seed %u: %zu tracks, %zu bytes; trajectory error blend %.3f warp %.3f px; "
      "PSNR-Y blend %.3f warp %.3f dB; MS-SSIM blend %.5f warp %.5f\n",
      GetParam().scene.c_str(), GetParam().seed, tracks, encoded.bitstream.size(), te_blend, te_warp,
      psnr_blend, psnr_warp, msssim_blend, msssim_warp);
  EXPECT_LT(te_warp, 0.8 * te_blend);
  EXPECT_GT(psnr_warp, psnr_blend - 0.1);
  EXPECT_GT(msssim_warp, msssim_blend - 0.002);
}

INSTANTIATE_TEST_SUITE_P(Synthetic, WarpBeatsBlend,
                         testing::Values(Case{"orbit", 1, {}}, Case{"crossing", 2, {}}));

}  // namespace
}  // namespace tgvc
