// FVD inside a run: the cells' features pooled into one value per codec and rate point across
// sequences, checked against a Frechet distance computed here in closed form from the features
// the cells stored, kept out of results.json, and reproduced exactly by a resumed run.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "harness/config/experiment.h"
#include "harness/results/cell_json.h"
#include "harness/results/run_results.h"
#include "harness/run/run_experiment.h"
#include "tests/unit/learned/learned_test_util.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

// A detector with the StyleGAN-V file's signature whose features are the means of the first two
// channels in [-1, 1] units: two dimensions keep the Frechet distance computable in closed form.
void save_two_channel_mean_detector(const std::string& path) {
  torch::jit::Module m("__torch__.TwoChannelMeanDetector");
  m.define(R"(
def forward(self, x: Tensor, rescale: bool = False, resize: bool = False, return_features: bool = False) -> Tensor:
    assert rescale and not x.is_floating_point()
    x = x.float() / 127.5 - 1.0
    return x.mean(dim=[2, 3, 4])[:, 0:2]
)");
  m.save(path);
}

struct Gaussian2 {
  double mean[2] = {0, 0};
  double cov[2][2] = {{0, 0}, {0, 0}};  // divided by N (the stylegan-v protocol)
};

Gaussian2 fit(const std::vector<double>& rows) {
  Gaussian2 g;
  const double n = static_cast<double>(rows.size() / 2);
  for (size_t i = 0; i < rows.size(); i += 2) {
    for (int a = 0; a < 2; ++a) g.mean[a] += rows[i + a] / n;
  }
  for (size_t i = 0; i < rows.size(); i += 2) {
    for (int a = 0; a < 2; ++a) {
      for (int b = 0; b < 2; ++b) g.cov[a][b] += (rows[i + a] - g.mean[a]) * (rows[i + b] - g.mean[b]) / n;
    }
  }
  return g;
}

// |mu1 - mu2|^2 + tr S1 + tr S2 - 2 tr sqrt(S1 S2), where for a 2x2 product of covariances
// (eigenvalues l1, l2 >= 0) tr sqrt = sqrt(l1) + sqrt(l2) = sqrt(tr + 2 sqrt(det)).
double frechet_2d(const Gaussian2& p, const Gaussian2& q) {
  double m[2][2];
  for (int a = 0; a < 2; ++a) {
    for (int b = 0; b < 2; ++b) m[a][b] = p.cov[a][0] * q.cov[0][b] + p.cov[a][1] * q.cov[1][b];
  }
  const double det = std::max(0.0, m[0][0] * m[1][1] - m[0][1] * m[1][0]);
  const double tr_sqrt = std::sqrt(std::max(0.0, m[0][0] + m[1][1] + 2 * std::sqrt(det)));
  const double dm = std::pow(p.mean[0] - q.mean[0], 2) + std::pow(p.mean[1] - q.mean[1], 2);
  return dm + p.cov[0][0] + p.cov[1][1] + q.cov[0][0] + q.cov[1][1] - 2 * tr_sqrt;
}

nlohmann::json read_json(const fs::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

TEST(FvdRun, OneValuePerCodecAndRatePointFromEverySequencesClips) {
  learned_test::ScratchDir dir;
  save_two_channel_mean_detector(dir.file("detector.pt"));
  const std::string config = R"(experiment: fvd-run
frames: {count: 24}
datasets:
  - synthetic: {name: a, width: 160, height: 96, seed: 1}
  - synthetic: {name: b, width: 160, height: 96, seed: 2, scene: crossing}
  - synthetic: {name: c, width: 160, height: 96, seed: 3}
codecs:
  - {name: hevc, type: x265, params: {preset: ultrafast, keyint: 24}, sweep: {qp: [30, 51]}}
metrics: [psnr, {fvd: {model_file: )" +
                             dir.file("detector.pt") + R"(, clip_length: 8}}]
jobs: 2
)";
  const Experiment e = parse_experiment(config, dir.file("fvd.yaml"));
  RunOptions options;
  options.output = dir.file("run");
  options.quiet = true;
  run_experiment(e, options);
  const RunResults run = load_run_results(options.output);

  ASSERT_EQ(run.sets.size(), 2u);
  for (const SetResult& set : run.sets) {
    SCOPED_TRACE(set.rate_point);
    EXPECT_EQ(set.metric, "fvd");
    EXPECT_EQ(set.codec, "hevc");
    EXPECT_EQ(set.sequences, (std::vector<std::string>{"synthetic/a", "synthetic/b", "synthetic/c"}));
    std::vector<double> ref, dist;
    double bpp = 0;
    for (const CellResult& cell : run.cells) {
      if (cell.rate_point != set.rate_point) continue;
      const CellResult stored = cell_from_json(
          read_json(fs::path(options.output) / "cells" / (cell.cell_id + ".json")), cell.cell_id);
      ASSERT_EQ(stored.set_contributions.size(), 1u);
      const SetContribution& c = stored.set_contributions[0];
      EXPECT_EQ(c.clips, 3);  // 24 frames in clips of 8
      EXPECT_EQ(c.dims, 2);
      ref.insert(ref.end(), c.reference.begin(), c.reference.end());
      dist.insert(dist.end(), c.distorted.begin(), c.distorted.end());
      EXPECT_TRUE(cell.set_contributions.empty()) << "results.json carries the values, not the features";
      bpp += cell.bpp / 3;
    }
    ASSERT_EQ(set.values.size(), 2u);
    ASSERT_TRUE(set.values[0].available) << set.values[0].reason;
    const double expected = frechet_2d(fit(ref), fit(dist));
    EXPECT_GT(expected, 0);
    EXPECT_NEAR(set.values[0].value, expected, 1e-12 + 1e-9 * expected);
    EXPECT_NE(set.values[0].convention.find("N=9 clips"), std::string::npos) << set.values[0].convention;
    EXPECT_EQ(set.values[1].value, 9);
    EXPECT_NEAR(set.bpp, bpp, 1e-12);
  }
  EXPECT_TRUE(fs::exists(fs::path(options.output) / "sets.csv"));

  // A resumed run decodes nothing and gives the same values from the stored features.
  const RunOutcome again = run_experiment(e, options);
  EXPECT_EQ(again.reused, 6);
  const RunResults resumed = load_run_results(options.output);
  ASSERT_EQ(resumed.sets.size(), 2u);
  for (size_t i = 0; i < 2; ++i) EXPECT_EQ(resumed.sets[i].values[0].value, run.sets[i].values[0].value);
}

}  // namespace
}  // namespace tgvc
