// The diffusion generator's torch-free parts: the schedule against DynamiCrafter's formulas as
// make_diffusion_modules.py computes them with numpy and torch, and the pass planning.
#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "codecs/tgvc/generate/diffusion_passes.h"
#include "codecs/tgvc/generate/diffusion_schedule.h"
#include "tests/unit/tgvc_torch/diffusion_test_util.h"

namespace tgvc {
namespace {

nlohmann::json schedule_json() {
  std::ifstream in(torch_test::diffusion_fixtures() + "/schedule.json");
  return nlohmann::json::parse(in);
}

TEST(DiffusionSchedule, ZeroTerminalSnrAlphasMatchPythonTorch) {
  const nlohmann::json j = schedule_json();
  const std::vector<double> ac = zero_snr_alphas_cumprod();
  ASSERT_EQ(ac.size(), 1000u);
  for (size_t t = 0; t < ac.size(); ++t) {
    EXPECT_NEAR(ac[t], j["alphas_cumprod"][t].get<double>(), 1e-12) << "t " << t;
  }
  EXPECT_EQ(ac[999], 0.0);                 // zero terminal SNR
  EXPECT_NEAR(ac[0], 1 - 0.00085, 1e-12);  // the first beta is kept
  for (size_t t = 1; t < ac.size(); ++t) EXPECT_LT(ac[t], ac[t - 1]);
}

TEST(DiffusionSchedule, TrailingTimestepsMatchDynamiCrafter) {
  const nlohmann::json j = schedule_json();
  for (const int n : {50, 16, 30, 7, 1}) {
    EXPECT_EQ(trailing_timesteps(n), j["timesteps"][std::to_string(n)].get<std::vector<int>>())
        << n << " steps";
  }
}

void expect_table(const std::vector<DiffusionStep>& steps, const nlohmann::json& rows) {
  ASSERT_EQ(steps.size(), rows.size());
  for (size_t k = 0; k < steps.size(); ++k) {
    const nlohmann::json& r = rows[k];
    EXPECT_EQ(steps[k].timestep, r["timestep"].get<int64_t>()) << "step " << k;
    EXPECT_NEAR(steps[k].alpha, r["alpha"].get<double>(), 1e-12) << "step " << k;
    EXPECT_NEAR(steps[k].alpha_prev, r["alpha_prev"].get<double>(), 1e-12) << "step " << k;
    EXPECT_NEAR(steps[k].sigma, r["sigma"].get<double>(), 1e-9) << "step " << k;
    EXPECT_NEAR(steps[k].x0_rescale, r["x0_rescale"].get<double>(), 1e-12) << "step " << k;
    EXPECT_NEAR(steps[k].guidance_step, r["guidance_step"].get<double>(), 1e-9) << "step " << k;
  }
}

TEST(DiffusionSchedule, DdimTablesMatchDynamiCrafterAndThePapersGuidanceSteps) {
  const nlohmann::json j = schedule_json();
  const std::vector<double> ac = zero_snr_alphas_cumprod();
  DdimOptions o;  // defaults: 50 steps, eta 1, eta_g 30 at the loop index, base scale 0.7
  const std::vector<DiffusionStep> paper = ddim_steps(ac, o);
  expect_table(paper, j["ddim_50_loop_index"]);
  // DESIGN 4: the step size falls from about 1.6 to 0.03.
  EXPECT_NEAR(paper.front().guidance_step, 1.52, 0.01);
  EXPECT_NEAR(paper.back().guidance_step, 0.0255, 1e-4);
  o.guidance_alpha = GuidanceAlpha::kTimestep;
  const std::vector<DiffusionStep> timestep = ddim_steps(ac, o);
  expect_table(timestep, j["ddim_50_timestep"]);
  EXPECT_DOUBLE_EQ(timestep.front().guidance_step, 30.0);  // alpha_bar[999] = 0
  DdimOptions other;
  other.steps = 16;
  other.eta = 0.5;
  other.guidance_strength = 10;
  other.base_scale = 1;
  expect_table(ddim_steps(ac, other), j["ddim_16_eta_half"]);
}

TEST(DiffusionSchedule, RejectsStepCountsOutsideTheTable) {
  DdimOptions o;
  o.steps = 0;
  EXPECT_THROW(ddim_steps(zero_snr_alphas_cumprod(), o), InputError);
  o.steps = 1001;
  EXPECT_THROW(ddim_steps(zero_snr_alphas_cumprod(), o), InputError);
  EXPECT_THROW(guidance_alpha_from("index", "x"), InputError);
}

// Every in-between clip frame is made by exactly one pass.
void expect_covers(const std::vector<DiffusionPassPlan>& passes, int clip_frames) {
  std::multiset<int> kept;
  for (const DiffusionPassPlan& p : passes) {
    ASSERT_EQ(p.times.size(), 16u);
    for (const auto& [k, j] : p.keep) {
      EXPECT_GE(k, 1);
      EXPECT_LE(k, 14);
      kept.insert(j);
    }
  }
  std::multiset<int> expected;
  for (int j = 1; j + 1 < clip_frames; ++j) expected.insert(j);
  EXPECT_EQ(kept, expected) << clip_frames << " frames";
}

TEST(DiffusionPasses, ClipsOf17To30FramesTakeTwoPassesTheSecondFromFrameLMinus16) {
  for (int frames = 17; frames <= 30; ++frames) {
    const std::vector<DiffusionPassPlan> passes = plan_diffusion_passes(frames);
    ASSERT_EQ(passes.size(), 2u) << frames;
    EXPECT_EQ(passes[0].times.front(), 0);
    EXPECT_EQ(passes[1].times.front(), frames - 16);
    EXPECT_EQ(passes[1].times.back(), frames - 1);
    // The second pass's first condition is a frame the first pass made.
    EXPECT_EQ(passes[0].keep.back().second, frames - 16);
    expect_covers(passes, frames);
  }
  const std::vector<DiffusionPassPlan> one = plan_diffusion_passes(16);
  ASSERT_EQ(one.size(), 1u);
  expect_covers(one, 16);
  const std::vector<DiffusionPassPlan> long_clip = plan_diffusion_passes(45);  // 0, 14, 28, then 29 = L-16
  ASSERT_EQ(long_clip.size(), 4u);
  EXPECT_EQ(long_clip[1].times.front(), 14);
  EXPECT_EQ(long_clip[2].times.front(), 28);
  EXPECT_EQ(long_clip[3].times.front(), 29);
  expect_covers(long_clip, 45);
  EXPECT_TRUE(plan_diffusion_passes(2).empty());
}

TEST(DiffusionPasses, ShortClipsUseOnePassOnAStretchedTimeAxis) {
  const std::vector<DiffusionPassPlan> passes = plan_diffusion_passes(9);
  ASSERT_EQ(passes.size(), 1u);
  const DiffusionPassPlan& p = passes[0];
  EXPECT_DOUBLE_EQ(p.times[0], 0);
  EXPECT_DOUBLE_EQ(p.times[15], 8);
  EXPECT_DOUBLE_EQ(p.times[3], 3 * 8.0 / 15);
  // Clip frame j is model frame round(15 j / 8).
  const std::vector<std::pair<int, int>> keep = {{2, 1}, {4, 2}, {6, 3}, {8, 4}, {9, 5}, {11, 6}, {13, 7}};
  EXPECT_EQ(p.keep, keep);
  for (int frames = 3; frames < 16; ++frames) expect_covers(plan_diffusion_passes(frames), frames);
}

TEST(DiffusionPasses, TracksAreResampledLinearlyAndVisibleWhereBothNeighboursAre) {
  ClipTrajectories clip;
  clip.frames = 3;
  clip.tracks.push_back({{10, 20, 40}, {5, 5, 9}, {1, 1, 0}});
  const std::vector<DiffusionTrack> t = tracks_at_times(clip, {0, 0.25, 1, 1.5, 2});
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].x, (std::vector<float>{10, 12.5, 20, 30, 40}));
  EXPECT_EQ(t[0].y, (std::vector<float>{5, 5, 5, 7, 9}));
  EXPECT_EQ(t[0].visible, (std::vector<uint8_t>{1, 1, 1, 0, 0}));
}

TEST(DiffusionPasses, WeightsFollowDesignSection4) {
  std::vector<double> start, end;
  trajectory_weights(16, &start, &end);
  EXPECT_EQ(start, (std::vector<double>{0, 1, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(end, (std::vector<double>{0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5, 1, 1, 1, 1, 1, 0}));
}

}  // namespace
}  // namespace tgvc
