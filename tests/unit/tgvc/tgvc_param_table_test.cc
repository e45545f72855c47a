// T-GVC's parameter table: the stages' settings (keyframes, clustering, importance, diffusion)
// bound through TgvcParams, each default written once in its struct.
#include <gtest/gtest.h>

// GCC 12 reports the strings of a default TgvcParams as maybe uninitialised once its destructor is
// inlined here (a known false positive of its SSO analysis, GCC bug 105562).
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "codecs/tgvc/generate/diffusion_options.h"
#include "codecs/tgvc/tgvc_params.h"
#include "harness/core/error.h"
#include "tests/unit/core/param_table_checks.h"

namespace tgvc {
namespace {

TEST(TgvcParamTable, RoundTrip) {
  test::expect_table_round_trips(tgvc_param_table(), "tgvc");
  test::expect_table_round_trips(diffusion_param_table(), "diffusion");
}

TEST(TgvcParamTable, StageDefaultsComeFromTheStagesStructs) {
  const auto default_of = [](const std::string& key) {
    return find_param(tgvc_param_specs(), key)->default_value;
  };
  EXPECT_EQ(default_of("window"), std::to_string(KeyframeParams{}.window));
  EXPECT_EQ(default_of("max-distance"), std::to_string(KeyframeParams{}.max_distance));
  EXPECT_EQ(default_of("min-cluster-size"), std::to_string(HdbscanParams{}.min_cluster_size));
  EXPECT_EQ(default_of("min-samples"), std::to_string(HdbscanParams{}.min_samples));
  EXPECT_EQ(default_of("keyframe-quality"), std::to_string(KeyframeCodingParams{}.quality));
  EXPECT_EQ(default_of("diffusion-steps"), std::to_string(DdimOptions{}.steps));
  EXPECT_EQ(default_of("guidance-alpha"), "loop-index");
  EXPECT_EQ(default_of("quant-step"), "8");
  // The importance thresholds of the built-in embedder, calibrated on real clips (docs/tgvc.md,
  // "Importance thresholds on real footage").
  EXPECT_EQ(default_of("min-motion"), "1");
  EXPECT_EQ(default_of("min-importance-motion"), "0.3");
}

TEST(TgvcParamTable, GivenValuesReachTheStages) {
  const TgvcParams p = tgvc_param_table().parse({{"min-samples", "4"},
                                                 {"cluster-epsilon", "0.5"},
                                                 {"window", "12"},
                                                 {"min-motion", "1.5"},
                                                 {"quant-step", "2"},
                                                 {"guidance-alpha", "timestep"},
                                                 {"diffusion-steps", "7"},
                                                 {"generator", "diffusion"}},
                                                "tgvc");
  EXPECT_EQ(p.clustering.min_samples, 4);
  EXPECT_DOUBLE_EQ(p.clustering.cluster_selection_epsilon, 0.5);
  EXPECT_EQ(p.selection.window, 12);
  EXPECT_DOUBLE_EQ(p.importance.min_motion, 1.5);
  EXPECT_DOUBLE_EQ(p.quant_step, 2);
  EXPECT_EQ(p.diffusion.ddim.guidance_alpha, GuidanceAlpha::kTimestep);
  EXPECT_EQ(p.diffusion.ddim.steps, 7);
  EXPECT_EQ(p.generator, Generator::kDiffusion);
  EXPECT_EQ(TgvcParams{}.generator, Generator::kWarp);
  EXPECT_EQ(find_param(tgvc_param_specs(), "generator")->choices, generator_names());
}

TEST(TgvcParamTable, DecoderOptionsGoThroughTheDiffusionRows) {
  const DiffusionOptions o = diffusion_options_from(
      {{"generator", "diffusion"}, {"cfg-scale", "2.5"}, {"diffusion-device", "cuda"}}, "t");
  EXPECT_DOUBLE_EQ(o.cfg_scale, 2.5);
  EXPECT_EQ(o.device, "cuda");
  EXPECT_EQ(o.ddim.steps, DdimOptions{}.steps);
  try {
    diffusion_options_from({{"guidance-alpha", "index"}}, "decode");
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "decode.guidance-alpha");
    EXPECT_EQ(e.expected(), "one of loop-index, timestep");
  }
  EXPECT_THROW(diffusion_options_from({{"diffusion-steps", "0"}}, "decode"), InputError);
  EXPECT_EQ(diffusion_decoder_options(o).at("diffusion-device"), "cuda");
}

}  // namespace
}  // namespace tgvc
