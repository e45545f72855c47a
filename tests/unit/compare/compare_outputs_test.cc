#include <cmath>

#include <gtest/gtest.h>

#include "reports/compare_format.h"
#include "reports/compare_html.h"
#include "reports/compare_markdown.h"
#include "reports/compare_runs.h"
#include "tests/unit/compare/compare_test_cells.h"

namespace tgvc {
namespace {

using compare_test::find_metric;
using compare_test::run;

size_t occurrences(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

Comparison one_regression() {
  RunResults current = run();
  current.provenance.git_commit = "def456";
  find_metric(current.cells[0], "psnr_y")->value = 29.9;
  find_metric(current.cells[1], "psnr_y")->value = 27.48;
  Tolerances t;
  t.rules = {{"psnr_*", true, 0.05, false, 0}};
  return compare_runs(run(), current, t);
}

TEST(CompareMarkdown, ListsOnlyRegressionsAndNotableChanges) {
  const std::string md = compare_markdown(one_regression());
  EXPECT_EQ(md.rfind("## tgvc-bench compare: FAIL: 1 regression\n", 0), 0u) << md;
  EXPECT_NE(md.find("| current | runs/base | ci | def456 |"), std::string::npos) << md;
  EXPECT_NE(md.find("### Regressions (1)"), std::string::npos) << md;
  EXPECT_NE(md.find("| synthetic/orbit x265 qp=45 | psnr_y | 30 | 29.9 | -0.1 (-0.33%) | psnr_*: abs 0.05 | "
                    "regressed |"),
            std::string::npos)
      << md;
  // The -0.02 dB change is within tolerance and identical values are not listed.
  EXPECT_EQ(md.find("27.48"), std::string::npos) << md;
  EXPECT_EQ(md.find("| bpp |"), std::string::npos) << md;
  EXPECT_EQ(md.find("Notable changes"), std::string::npos) << md;
  EXPECT_NE(md.find("- 4 cells matched, 0 missing, 0 new"), std::string::npos) << md;
  EXPECT_NE(md.find("24 values: 0 improved, 22 same, 1 within tolerance, 1 regressed"), std::string::npos)
      << md;
}

TEST(CompareMarkdown, PassingRunSaysSoAndShowsVersionChangesAndStructuralRows) {
  RunResults current = run();
  for (CellResult& c : current.cells) c.codec_version = "3.6";
  current.cells.push_back(compare_test::cell("new|seq", "qp=48", 9000, 29.0, 0.45));
  find_metric(current.cells[0], "psnr_y")->value = 30.5;
  const std::string md = compare_markdown(compare_runs(run(), current, Tolerances{}));
  EXPECT_EQ(md.rfind("## tgvc-bench compare: PASS: no regression\n", 0), 0u) << md;
  EXPECT_NE(md.find("> **Codec version changed:** x265: 3.5 -&gt; 3.6 (4 cells)"), std::string::npos) << md;
  EXPECT_NE(md.find("### Notable changes (2)"), std::string::npos) << md;
  EXPECT_NE(md.find("| synthetic/new\\|seq x265 qp=48 |  |  |  |  |  | new in current |"), std::string::npos)
      << md;
  EXPECT_NE(md.find("| psnr_y | 30 | 30.5 | +0.5 (+1.67%) | default: abs 0 | improved |"), std::string::npos)
      << md;
}

TEST(CompareMarkdown, LongTablesAreCut) {
  RunResults current = run();
  for (CellResult& c : current.cells) find_metric(c, "psnr_y")->value -= 1;
  const std::string md = compare_markdown(compare_runs(run(), current, Tolerances{}), 3);
  EXPECT_EQ(occurrences(md, "| regressed |"), 3u) << md;
  EXPECT_NE(md.find("... and 1 more rows: see compare.html"), std::string::npos) << md;
}

TEST(CompareMarkdown, CellTextCannotBreakTheTableOrInjectHtml) {
  EXPECT_EQ(markdown_cell("a|b\nc<script>&"), "a\\|b c&lt;script&gt;&amp;");
}

TEST(CompareHtml, EscapesNamesAndColoursEveryCellValue) {
  RunResults base = run();
  for (CellResult& c : base.cells) {
    c.sequence = "<b>\"x\"&'y'" + c.sequence;
    find_metric(c, "psnr_y")->name = "psnr_<i>";
  }
  RunResults current = base;
  find_metric(current.cells[0], "psnr_<i>")->value = 20;
  current.cells[1].status = CellOutcome::kFailed;
  current.cells[1].stage = FailedStage::kDecode;
  current.cells[1].error = "<img src=x>";
  const std::string html = compare_html(compare_runs(base, current, Tolerances{}));
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("synthetic/&lt;b&gt;&quot;x&quot;&amp;&#39;y&#39;orbit"), std::string::npos);
  EXPECT_NE(html.find("<th>psnr_&lt;i&gt;</th>"), std::string::npos);
  EXPECT_NE(html.find("decode: &lt;img src=x&gt;"), std::string::npos);
  // No network: no external resource of any kind.
  EXPECT_EQ(html.find("http"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  // 3 compared cells x 6 values, one regressed (psnr 30 -> 20), the failed cell as a regression row.
  EXPECT_EQ(occurrences(html, "<td class=\"num v-"), 18u);
  EXPECT_EQ(occurrences(html, "<td class=\"num v-regressed\""), 1u);
  EXPECT_EQ(occurrences(html, "<td class=\"num v-same\""), 17u);
  EXPECT_EQ(occurrences(html, "<td class=\"c-regression\""), 2u);
  EXPECT_NE(html.find("tgvc-bench compare: FAIL: 2 regressions"), std::string::npos);
}

TEST(CompareConsole, ShortSummaryNamesEachRegression) {
  const std::string text = compare_console_summary(one_regression());
  EXPECT_EQ(text,
            "FAIL: 1 regression\n"
            "4 cells matched, 0 missing, 0 new, 0 failed, 0 fixed, 0 failed in both\n"
            "24 values: 0 improved, 22 same, 1 within tolerance, 1 regressed, 0 not compared\n"
            "  regressed: synthetic/orbit x265 qp=45: psnr_y 30 -> 29.9 (-0.1 (-0.33%); tolerance psnr_*: "
            "abs 0.05)\n");
}

TEST(CompareFormat, Numbers) {
  EXPECT_EQ(compare_number(123456), "123456");
  EXPECT_EQ(compare_number(0.00812345678), "0.008123457");
  EXPECT_EQ(compare_number(std::nan("")), "n/a");
}

}  // namespace
}  // namespace tgvc
