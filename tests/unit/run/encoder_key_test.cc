// The bitstream key (encoder_inputs_hash): entries that differ only in decoder-only parameters
// (T-GVC's generator and the diffusion settings) share it; every encoder input changes it.
#include <set>

#include <gtest/gtest.h>

#include "codecs/codec.h"
#include "codecs/tgvc/generate/diffusion_options.h"
#include "harness/config/experiment.h"
#include "harness/plan/plan.h"
#include "harness/run/cell_key.h"

namespace tgvc {
namespace {

Experiment experiment(const std::string& codecs, const std::string& datasets = "") {
  return parse_experiment(R"(experiment: k
frames: {count: 4}
datasets:
  - synthetic: {name: a, width: 64, height: 48}
)" + datasets + "codecs:\n" + codecs +
                              "metrics: [psnr]\n",
                          "k.yaml");
}

const char* kThreeGenerators =
    R"(  - {name: warp, type: tgvc, params: {generator: warp}, sweep: {keyframe-quality: [40, 44]}}
  - {name: blend, type: tgvc, params: {generator: blend}, sweep: {keyframe-quality: [40, 44]}}
  - {name: diffusion, type: tgvc, params: {generator: diffusion, diffusion-steps: 4}, sweep: {keyframe-quality: [40, 44]}}
)";

TEST(EncoderKey, EntriesDifferingOnlyInDecoderChoicesShareTheKeyButNotTheCellKey) {
  const Experiment e = experiment(kThreeGenerators);
  const std::vector<Cell> cells = make_plan(e);
  ASSERT_EQ(cells.size(), 6u);  // warp q40, q44, blend q40, q44, diffusion q40, q44
  for (size_t point : {0u, 1u}) {
    const std::string key = encoder_inputs_hash(e, cells[point]);
    EXPECT_EQ(encoder_inputs_hash(e, cells[2 + point]), key);
    EXPECT_EQ(encoder_inputs_hash(e, cells[4 + point]), key);
    EXPECT_NE(cell_inputs_hash(e, cells[2 + point]), cell_inputs_hash(e, cells[point]));
  }
  EXPECT_NE(encoder_inputs_hash(e, cells[0]), encoder_inputs_hash(e, cells[1]));  // keyframe quality
}

TEST(EncoderKey, EncoderParametersSourceAndCodecTypeChangeIt) {
  const Experiment base = experiment("  - {name: t, type: tgvc}\n");
  const std::string key = encoder_inputs_hash(base, make_plan(base)[0]);
  // Another entry name, the same encoder: the same bitstream.
  const Experiment renamed = experiment("  - {name: other, type: tgvc}\n");
  EXPECT_EQ(encoder_inputs_hash(renamed, make_plan(renamed)[0]), key);
  const Experiment grid = experiment("  - {name: t, type: tgvc, params: {grid: 8}}\n");
  EXPECT_NE(encoder_inputs_hash(grid, make_plan(grid)[0]), key);
  const Experiment x265 = experiment("  - {name: t, type: x265}\n");
  EXPECT_NE(encoder_inputs_hash(x265, make_plan(x265)[0]), key);
  const Experiment two =
      experiment("  - {name: t, type: tgvc}\n", "  - synthetic: {name: b, width: 64, height: 48, seed: 9}\n");
  EXPECT_NE(encoder_inputs_hash(two, make_plan(two)[1]), key);  // another source
}

TEST(EncoderKey, TgvcMarksExactlyItsDecoderChoicesDecoderOnly) {
  const Codec* tgvc = find_codec("tgvc");
  ASSERT_NE(tgvc, nullptr);
  std::set<std::string> decoder_keys(diffusion_option_keys().begin(), diffusion_option_keys().end());
  decoder_keys.insert("generator");
  for (const ParamSpec& spec : tgvc->param_specs())
    EXPECT_EQ(spec.decoder_only, decoder_keys.count(spec.key) == 1) << spec.key;
  // encoder_params puts every decoder-only key back at its default.
  const ParamSet given = ParamSet::resolve(tgvc->param_specs(), {{"generator", "blend"}, {"grid", "8"}}, "t");
  const ParamSet encoder = encoder_params(tgvc->param_specs(), given, "t");
  EXPECT_EQ(encoder.get_string("generator"), "warp");
  EXPECT_EQ(encoder.get_int("grid"), 8);
}

}  // namespace
}  // namespace tgvc
