// The summary step against numbers computed here by hand: per-dataset means by kRdMeanRule, BD per
// sequence and pooled by kBdMeanRule, matched-rate picks, and the direction taken from the caller.
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "harness/results/rd_means.h"
#include "harness/results/run_summary.h"
#include "tests/unit/compare/bd_agreement_runs.h"

namespace tgvc {
namespace {

CellResult cell(const std::string& sequence, const std::string& codec, const std::string& rate_point,
                double bpp, double psnr, bool ok = true) {
  CellResult c;
  c.status = ok ? CellOutcome::kOk : CellOutcome::kFailed;
  c.dataset = "d";
  c.sequence = sequence;
  c.codec = codec;
  c.rate_point = rate_point;
  c.bpp = bpp;
  c.kbps = bpp * 1000;
  MetricValue v;
  v.name = "psnr_y";
  v.value = psnr;
  c.metrics.push_back(v);
  return c;
}

SummaryRequest psnr_request(const std::string& anchor, bool higher_is_better = true) {
  SummaryRequest request;
  request.metrics = {"psnr_y"};
  request.anchor = anchor;
  request.higher_is_better = [higher_is_better](const std::string&) { return higher_is_better; };
  return request;
}

TEST(RunSummary, MeansAverageEachRatePointOverTheSequencesThatMeasuredIt) {
  const std::vector<CellResult> cells = {cell("s0", "a", "q1", 0.01, 30), cell("s0", "a", "q2", 0.04, 36),  //
                                         cell("s1", "a", "q1", 0.03, 33),
                                         cell("s1", "a", "q2", 0.08, 0, false),
                                         cell("s2", "a", "q2", 0.06, 40)};
  const RunGrid grid = group_cells(cells);
  const RunSummary summary = summarise_run(grid, psnr_request(""));
  ASSERT_EQ(summary.datasets.size(), 1u);
  const std::vector<MeanPoint>& means = summary.datasets[0].codecs[0][0].means;
  ASSERT_EQ(means.size(), 2u);
  EXPECT_EQ(means[0].rate_point, "q1");
  EXPECT_DOUBLE_EQ(means[0].rate, (0.01 + 0.03) / 2);
  EXPECT_DOUBLE_EQ(means[0].value, (30.0 + 33.0) / 2);
  EXPECT_EQ(means[0].count, 2u);
  EXPECT_EQ(means[1].rate_point, "q2");  // s1's q2 failed: it counts in neither mean
  EXPECT_DOUBLE_EQ(means[1].rate, (0.04 + 0.06) / 2);
  EXPECT_DOUBLE_EQ(means[1].value, (36.0 + 40.0) / 2);
  EXPECT_EQ(means[1].count, 2u);
  // No anchor requested: no BD.
  EXPECT_EQ(summary.datasets[0].anchor, 1u);
  EXPECT_FALSE(summary.datasets[0].codecs[0][0].has_bd);
  // kbps on the rate axis averages kbps.
  SummaryRequest kbps = psnr_request("");
  kbps.rate_axis = RateAxis::kKbps;
  EXPECT_DOUBLE_EQ(summarise_run(grid, kbps).datasets[0].codecs[0][0].means[0].rate, (10.0 + 30.0) / 2);
}

TEST(RunSummary, BdPerSequenceAndPooledFollowTheMeanRule) {
  using namespace bd_agreement;
  const std::vector<CellResult> cells = bd_agreement::cells("anchor", "test");
  const RunSummary summary = summarise_run(group_cells(cells), psnr_request("anchor"));
  const DatasetSummary& d = summary.datasets[0];
  ASSERT_EQ(d.anchor, 0u);
  EXPECT_FALSE(d.codecs[0][0].has_bd);
  ASSERT_TRUE(d.codecs[1][0].has_bd);
  const BdComparison& bd = d.codecs[1][0].bd;
  ASSERT_EQ(bd.sequences.size(), 3u);
  // Independent: bd_metrics per sequence on the raw curves, the rule by hand.
  std::vector<BdResult> expected;
  for (const Curve* t : {&kTest, &kBumpy, &kCheaper}) {
    std::vector<RdPoint> a, b;
    for (size_t r = 0; r < 4; ++r) a.push_back({kAnchor.bpp[r], kAnchor.psnr[r]});
    for (size_t r = 0; r < 4; ++r) b.push_back({t->bpp[r], t->psnr[r]});
    expected.push_back(bd_metrics(a, b, BdMethod::kPchip, true));
  }
  for (size_t s = 0; s < 3; ++s) {
    EXPECT_EQ(bd.sequences[s].sequence, "s" + std::to_string(s));
    EXPECT_EQ(bd.sequences[s].bd.ok, expected[s].ok);
    if (expected[s].ok) {
      EXPECT_DOUBLE_EQ(bd.sequences[s].bd.bd_rate_pct, expected[s].bd_rate_pct);
    }
  }
  ASSERT_FALSE(expected[1].ok);  // s1: BD-rate undefined, so it counts in neither mean
  EXPECT_EQ(bd.mean_count, 2u);
  EXPECT_NEAR(bd.mean_bd_rate_pct, (expected[0].bd_rate_pct + expected[2].bd_rate_pct) / 2, 1e-12);
  EXPECT_NEAR(bd.mean_bd_quality, (expected[0].bd_quality + expected[2].bd_quality) / 2, 1e-12);
}

TEST(RunSummary, DirectionComesFromTheCaller) {
  const std::vector<CellResult> cells = bd_agreement::cells("anchor", "test");
  const RunGrid grid = group_cells(cells);
  const BdComparison higher = summarise_run(grid, psnr_request("anchor", true)).datasets[0].codecs[1][0].bd;
  const BdComparison lower = summarise_run(grid, psnr_request("anchor", false)).datasets[0].codecs[1][0].bd;
  // The caller's lookup decides, not the value's name: s0's BD as bd_metrics gives it either way.
  std::vector<RdPoint> a, b;
  for (size_t r = 0; r < 4; ++r) a.push_back({bd_agreement::kAnchor.bpp[r], bd_agreement::kAnchor.psnr[r]});
  for (size_t r = 0; r < 4; ++r) b.push_back({bd_agreement::kTest.bpp[r], bd_agreement::kTest.psnr[r]});
  const BdResult as_higher = bd_metrics(a, b, BdMethod::kPchip, true);
  const BdResult as_lower = bd_metrics(a, b, BdMethod::kPchip, false);
  ASSERT_TRUE(std::isfinite(as_higher.bd_quality));
  ASSERT_TRUE(std::isfinite(as_lower.bd_quality));
  ASSERT_NE(as_higher.bd_quality, as_lower.bd_quality);
  EXPECT_DOUBLE_EQ(higher.sequences[0].bd.bd_quality, as_higher.bd_quality);
  EXPECT_DOUBLE_EQ(lower.sequences[0].bd.bd_quality, as_lower.bd_quality);
  std::vector<std::string> asked;
  SummaryRequest request = psnr_request("anchor");
  request.higher_is_better = [&asked](const std::string& name) {
    asked.push_back(name);
    return true;
  };
  summarise_run(grid, request);
  EXPECT_EQ(asked, std::vector<std::string>{"psnr_y"});
}

TEST(RunSummary, BdOnlyForTheRequestedMetricsAndWhereTheAnchorHasCells) {
  std::vector<CellResult> cells = bd_agreement::cells("anchor", "test");
  cells.push_back(cell("t0", "test", "r0", 0.01, 30));
  cells.back().dataset = "other";  // the anchor has no cells in dataset "other"
  SummaryRequest request = psnr_request("anchor");
  request.metrics = {"psnr_y", "missing"};
  request.bd_metric_count = 1;
  const RunSummary summary = summarise_run(group_cells(cells), request);
  ASSERT_EQ(summary.datasets.size(), 2u);
  EXPECT_TRUE(summary.datasets[0].codecs[1][0].has_bd);
  EXPECT_FALSE(summary.datasets[0].codecs[1][1].has_bd);
  EXPECT_TRUE(summary.datasets[0].codecs[1][1].means.empty());
  EXPECT_EQ(summary.datasets[1].anchor, 1u);  // == its codec count: no anchor there
  EXPECT_FALSE(summary.datasets[1].codecs[0][0].has_bd);
}

TEST(RunSummary, MatchedPicksAreThoseOfEachSequence) {
  const std::vector<CellResult> cells = {cell("s0", "a", "q1", 0.01, 30), cell("s0", "a", "q2", 0.04, 36),
                                         cell("s0", "b", "q1", 0.02, 31), cell("s0", "b", "q2", 0.05, 37)};
  const RunSummary summary = summarise_run(group_cells(cells), psnr_request(""));
  const MatchedCells& m = summary.datasets[0].matched[0];
  // Lowest bpp per codec 0.01 and 0.02: the target is their geometric mean.
  EXPECT_DOUBLE_EQ(m.target_bpp, std::sqrt(0.01 * 0.02));
  ASSERT_EQ(m.cells.size(), 2u);
  EXPECT_EQ(m.cells[0], &cells[0]);
  EXPECT_EQ(m.cells[1], &cells[2]);
}

TEST(RdMeans, DatasetMeansGroupCsvCurvesAndSkipUnlabelledTables) {
  std::vector<BdCurve> curves = {{"d1", "s0", {{0.1, 30}, {0.2, 32}}, {"q1", "q2"}},
                                 {"d2", "s0", {{0.3, 35}}, {"q1"}},
                                 {"d1", "s1", {{0.3, 34}}, {"q2"}}};
  const std::vector<DatasetMeans> means = dataset_means(curves);
  ASSERT_EQ(means.size(), 2u);
  EXPECT_EQ(means[0].dataset, "d1");
  ASSERT_EQ(means[0].points.size(), 2u);
  EXPECT_DOUBLE_EQ(means[0].points[1].rate, (0.2 + 0.3) / 2);
  EXPECT_DOUBLE_EQ(means[0].points[1].value, (32.0 + 34.0) / 2);
  EXPECT_EQ(means[0].points[1].count, 2u);
  EXPECT_EQ(means[1].dataset, "d2");
  EXPECT_TRUE(dataset_means({{"d", "s", {{0.1, 30}}}}).empty());  // a plain bpp,psnr table
}

}  // namespace
}  // namespace tgvc
