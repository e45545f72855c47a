// report.html, `tgvc-bench bd` (select_bd_curves on results.csv, then compare_bd_curves, as the
// command does) and `tgvc-bench compare` give the same BD means for the same curves, and that
// mean follows kBdMeanRule: a sequence whose BD-rate is undefined counts in neither mean.
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "reports/bd_comparison.h"
#include "reports/bd_curves.h"
#include "reports/compare_html.h"
#include "reports/compare_markdown.h"
#include "reports/compare_runs.h"
#include "reports/csv_reader.h"
#include "reports/csv_tables.h"
#include "reports/html_report.h"

namespace tgvc {
namespace {

struct Curve {
  std::vector<double> bpp;
  std::vector<double> psnr;
};

// The reference vector bd.B's curves (tests/data/vectors.json), rates in bpp.
const Curve kAnchor = {{0.010, 0.020, 0.040, 0.080}, {30, 33, 35.5, 37.5}};
const Curve kTest = {{0.009, 0.017, 0.033, 0.064}, {30.2, 33.1, 35.8, 37.6}};
// Quality not monotonic in the rate: pchip's BD-rate is undefined, its BD-quality is not.
const Curve kBumpy = {{0.009, 0.017, 0.033, 0.064}, {30.2, 33.1, 32.0, 37.6}};
// A second defined sequence with other values.
const Curve kCheaper = {{0.007, 0.015, 0.031, 0.060}, {29.8, 32.9, 35.6, 37.9}};

void add_curve(std::vector<CellResult>& cells, const std::string& sequence, const std::string& codec,
               const Curve& curve) {
  for (size_t r = 0; r < curve.bpp.size(); ++r) {
    CellResult c;
    c.status = "ok";
    c.dataset = "d";
    c.sequence = sequence;
    c.codec = codec;
    c.codec_type = "raw";
    c.codec_version = "1";
    c.rate_point = "r" + std::to_string(r);
    c.cell_id = "d__" + sequence + "__" + codec + "__" + c.rate_point;
    c.width = 64;
    c.height = 64;
    c.frames = 10;
    c.fps = 25;
    c.bpp = curve.bpp[r];
    c.bits = static_cast<uint64_t>(std::llround(c.bpp * 64 * 64 * 10));
    c.kbps = static_cast<double>(c.bits) * 25 / 10 / 1000;
    MetricValue v;
    v.name = "psnr_y";
    v.value = curve.psnr[r];
    v.unit = "dB";
    c.metrics.push_back(v);
    cells.push_back(c);
  }
}

// Sequences s0 (defined), s1 (BD-rate undefined), s2 (defined), each codec under `anchor` and `test`.
std::vector<CellResult> cells(const std::string& anchor, const std::string& test, bool with_anchor = true,
                              bool with_test = true) {
  std::vector<CellResult> out;
  const Curve* tests[] = {&kTest, &kBumpy, &kCheaper};
  for (int s = 0; s < 3; ++s) {
    const std::string sequence = "s" + std::to_string(s);
    if (with_anchor) add_curve(out, sequence, anchor, kAnchor);
    if (with_test) add_curve(out, sequence, test, *tests[s]);
  }
  return out;
}

// The exact values (data-v) of the BD table's first row: BD-rate, then BD-quality.
std::vector<double> page_means(const std::string& page) {
  std::vector<double> out;
  size_t at = page.find("<table class=\"bd\">");
  const size_t end = page.find("</table>", at);
  for (at = page.find("data-v=\"", at); at < end && out.size() < 2; at = page.find("data-v=\"", at + 1)) {
    const size_t start = at + 8;
    out.push_back(std::stod(page.substr(start, page.find('"', start) - start)));
  }
  return out;
}

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
  const std::vector<double> page = page_means(html_report(run, options));
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
