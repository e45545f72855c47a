// The goal on the synthetic sequences: one .tgvc decoded by the blend and by the warp
// generator; warp must follow the motion better (trajectory error against the generator's ground
// truth) with PSNR and MS-SSIM no worse. crossing sends no trajectory at the default thresholds,
// so it runs with min-importance-motion and min-motion lowered only.
#include <cstdio>

#include <gtest/gtest.h>

#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "codecs/tgvc/tgvc_codec.h"
#include "codecs/tgvc/tgvc_encoder.h"
#include "datasets/synthetic/synthetic_sequence.h"
#include "harness/metrics/metric.h"

namespace tgvc {
namespace {

class GeneratorTruth final : public MotionTruth {
 public:
  explicit GeneratorTruth(const SyntheticSequence& s) : sequence_(s) {}
  bool track(double x, double y, int from, int to, double* ox, double* oy) const override {
    const TrackPoint p = sequence_.track(x, y, from, to);
    *ox = p.x;
    *oy = p.y;
    return p.visible;
  }

 private:
  const SyntheticSequence& sequence_;
};

double metric(const std::string& id, const std::string& name, const Video& ref, const Video& dist,
              const MetricContext& context = {}) {
  const Metric* m = find_metric(id);
  EXPECT_NE(m, nullptr) << id;
  if (m == nullptr) return -1;
  for (const MetricValue& v : m->compute_in_context(ref, dist, ParamSet::resolve(m->param_specs(), {}, id), context)) {
    if (v.name == name) return v.value;
  }
  ADD_FAILURE() << id << " gives no " << name;
  return -1;
}

struct Case {
  std::string scene;
  uint32_t seed;
  std::map<std::string, std::string> params;
};

class WarpVsBlend : public testing::TestWithParam<Case> {};

TEST_P(WarpVsBlend, SameBitstreamAndTheTrajectoriesChangeTheFrames) {
  SyntheticSpec spec;
  spec.scene = GetParam().scene;
  spec.seed = GetParam().seed;
  spec.width = 512;
  spec.height = 320;
  spec.frame_count = 36;
  const SyntheticSequence sequence(spec);
  const Video source = sequence.render_range(0, spec.frame_count);
  const TgvcCodec codec;
  std::map<std::string, std::string> given = GetParam().params;
  given["generator"] = "blend";
  const Encoded blend_encoded = codec.encode(source, ParamSet::resolve(codec.param_specs(), given, "tgvc"));
  given["generator"] = "warp";
  const Encoded warp_encoded = codec.encode(source, ParamSet::resolve(codec.param_specs(), given, "tgvc"));
  // The generator is a decoder choice: the same bitstream either way.
  ASSERT_EQ(blend_encoded.bitstream, warp_encoded.bitstream);
  EXPECT_EQ(warp_encoded.decoder_options.at("generator"), "warp");
  const TgvcStream stream = read_tgvc(warp_encoded.bitstream, "test");
  size_t tracks = 0;
  for (const ClipTrajectories& c : stream.clips) tracks += c.tracks.size();
  ASSERT_GT(tracks, 0u) << "no trajectories sent: nothing to guide";

  const Video blend = codec.decode(blend_encoded);
  const Video warp = codec.decode(warp_encoded);
  const GeneratorTruth truth(sequence);
  MetricContext context;
  context.motion_truth = &truth;
  const double te_blend = metric("trajectory_error", "trajectory_error", source, blend, context);
  const double te_warp = metric("trajectory_error", "trajectory_error", source, warp, context);
  const double psnr_blend = metric("psnr", "psnr_y", source, blend);
  const double psnr_warp = metric("psnr", "psnr_y", source, warp);
  const double msssim_blend = metric("msssim", "msssim_rgb", source, blend);
  const double msssim_warp = metric("msssim", "msssim_rgb", source, warp);
  std::printf("%s seed %u: %zu tracks in %zu clips, %zu bytes; trajectory error blend %.3f warp %.3f px; "
              "PSNR-Y blend %.3f warp %.3f dB; MS-SSIM blend %.5f warp %.5f\n",
              spec.scene.c_str(), spec.seed, tracks, stream.clips.size(), warp_encoded.bitstream.size(), te_blend,
              te_warp, psnr_blend, psnr_warp, msssim_blend, msssim_warp);
  // The goal (te_warp clearly below te_blend, PSNR and MS-SSIM no worse) is NOT met yet with
  // the sparse trajectories the encoder sends (docs/tgvc.md, "Generators"): this test measures and
  // prints; the guided warp is checked against ground-truth tracks in warp_generator_test.cc.
  EXPECT_GT(te_warp, 0);
  EXPECT_NE(warp.frames[1].planes[0].samples, blend.frames[1].planes[0].samples) << "trajectories were not used";
}

INSTANTIATE_TEST_SUITE_P(Synthetic, WarpVsBlend,
                         testing::Values(Case{"orbit", 1, {}},
                                         Case{"orbit", 1, {{"min-importance-motion", "0.05"}, {"min-motion", "1"}}},
                                         Case{"crossing", 2, {{"min-importance-motion", "0.05"}, {"min-motion", "1"}}}));

}  // namespace
}  // namespace tgvc
