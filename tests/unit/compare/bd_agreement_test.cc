// report.html, `tgvc-bench bd` (select_bd_curves on results.csv, then compare_bd_curves, as the
// command does) and `tgvc-bench compare` give the same BD means for the same curves, and that
// mean follows kBdMeanRule: a sequence whose BD-rate is undefined counts in neither mean.
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "harness/results/bd_comparison.h"
#include "harness/results/bd_curves.h"
#include "harness/results/csv_reader.h"
#include "harness/results/csv_tables.h"
#include "reports/compare_html.h"
#include "reports/compare_markdown.h"
#include "reports/compare_runs.h"
#include "reports/html_report.h"
#include "tests/unit/compare/bd_agreement_runs.h"

namespace tgvc {
namespace {

using bd_agreement::cells;
using bd_agreement::Curve;
using bd_agreement::kAnchor;
using bd_agreement::kBumpy;
using bd_agreement::kCheaper;
using bd_agreement::kTest;

TEST(BdAgreement, PageCliAndCompareGiveTheSameMeansByOneRule) {
  // Independent of compare_bd_curves: per sequence with bd_metrics, then the rule by hand.
  std::vector<BdResult> per_sequence;
  for (const Curve* t : {&kTest, &kBumpy, &kCheaper}) {
    std::vector<RdPoint> a, b;
    for (size_t r = 0; r < 4; ++r) a.push_back({kAnchor.bpp[r], kAnchor.psnr[r]});
    for (size_t r = 0; r < 4; ++r) b.push_back({t->bpp[r], t->psnr[r]});
    per_sequence.push_back(bd_metrics(a, b, BdMethod::kPchip, true));
  }
  ASSERT_TRUE(per_sequence[0].ok);
  ASSERT_FALSE(std::isfinite(per_sequence[1].bd_rate_pct));
  ASSERT_TRUE(std::isfinite(per_sequence[1].bd_quality));  // the value the old page averaged in
  ASSERT_TRUE(per_sequence[2].ok);
  const double rate = (per_sequence[0].bd_rate_pct + per_sequence[2].bd_rate_pct) / 2;
  const double quality = (per_sequence[0].bd_quality + per_sequence[2].bd_quality) / 2;

  RunResults run;
  run.run_dir = "/nonexistent-run-dir";
  run.cells = cells("anchor", "test");
  HtmlReportOptions options;
  options.anchor = "anchor";
  options.bd_method = BdMethod::kPchip;
  options.metrics = {"psnr_y"};
  options.embed_frames = false;
  const std::vector<double> page = bd_agreement::table_means(html_report(run, options));
  ASSERT_EQ(page.size(), 2u);

  const CsvTable table = parse_csv(results_csv(run.cells), "results.csv");
  BdCurveQuery query{"psnr_y", "bpp", "anchor", "", "--anchor-codec"};
  const BdCurveSelection anchor = select_bd_curves(table, query);
  query.codec = "test";
  const BdComparison cli =
      compare_bd_curves(anchor.curves, select_bd_curves(table, query).curves, BdMethod::kPchip, true);

  // compare: the test curves as the current run of the same codec, the anchor's as the base.
  RunResults base, current;
  base.cells = cells("c", "", true, false);
  current.cells = cells("", "c", false, true);
  const Comparison gate = compare_runs(base, current, Tolerances{});
  ASSERT_EQ(gate.bd.size(), 1u);
  EXPECT_EQ(gate.bd[0].codec, "c");
  EXPECT_EQ(gate.bd[0].metric, "psnr_y");

  EXPECT_NEAR(page[0], rate, 1e-9);
  EXPECT_NEAR(page[1], quality, 1e-9);
  EXPECT_EQ(cli.mean_count, 2u);
  EXPECT_DOUBLE_EQ(cli.mean_bd_rate_pct, page[0]);
  EXPECT_DOUBLE_EQ(cli.mean_bd_quality, page[1]);
  EXPECT_EQ(gate.bd[0].bd.mean_count, 2u);
  EXPECT_DOUBLE_EQ(gate.bd[0].bd.mean_bd_rate_pct, page[0]);
  EXPECT_DOUBLE_EQ(gate.bd[0].bd.mean_bd_quality, page[1]);
}

TEST(BdAgreement, CompareOutputsShowTheBdTableWithItsRule) {
  RunResults base, current;
  base.cells = cells("c", "", true, false);
  current.cells = cells("", "c", false, true);
  const Comparison gate = compare_runs(base, current, Tolerances{});
  ASSERT_EQ(gate.bd.size(), 1u);
  const std::string rate = fmt::format("{:.3f}", gate.bd[0].bd.mean_bd_rate_pct);
  const std::string md = compare_markdown(gate);
  EXPECT_NE(md.find("### BD of current against base"), std::string::npos);
  EXPECT_NE(md.find("| d | c | psnr_y | " + rate), std::string::npos) << md;
  EXPECT_NE(md.find(kBdMeanRule), std::string::npos);
  const std::string html = compare_html(gate);
  EXPECT_NE(html.find(fmt::format("data-v=\"{}\"", gate.bd[0].bd.mean_bd_rate_pct)), std::string::npos);
  EXPECT_NE(html.find(">2/3<"), std::string::npos);
}

}  // namespace
}  // namespace tgvc
