// Choosing curves from a results.csv written by the real writer (csv_tables) and from plain CSV
// tables, and BD per sequence against the reference vectors.
#include <cmath>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/core/error.h"
#include "harness/results/bd_comparison.h"
#include "harness/results/bd_curves.h"
#include "harness/results/csv_tables.h"
#include "reports/metric_direction.h"

namespace tgvc {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

nlohmann::json reference_bd() {
  std::ifstream in(std::string(TGVC_TEST_DATA_DIR) + "/vectors.json");
  EXPECT_TRUE(in);
  return nlohmann::json::parse(in)["bd"];
}

CellResult cell(const std::string& sequence, const std::string& codec, int point, double bpp, double psnr) {
  CellResult c;
  c.status = CellOutcome::kOk;
  c.dataset = "uvg";
  c.sequence = sequence;
  c.codec = codec;
  c.codec_type = codec;
  c.rate_point = "q=" + std::to_string(point);
  c.params = {{"q", std::to_string(point)}, {"preset", "a,b"}};
  c.width = 64;
  c.height = 48;
  c.frames = 2;
  c.fps = 30;
  c.bits = 1000;
  c.bpp = bpp;
  c.kbps = bpp * 9.2;
  MetricValue m;
  m.name = "psnr_y";
  m.value = psnr;
  MetricValue lpips;
  lpips.name = "lpips_alex";
  lpips.value = 0.5 - psnr / 100;
  c.metrics = {m, lpips};
  return c;
}

// Sequence "Beauty" holds vector set B, "Jockey, cut" set A; x265 is the anchor, tgvc the test.
// One more tgvc cell failed and one has psnr_y n/a: both must be skipped.
CsvTable results_table() {
  const nlohmann::json bd = reference_bd();
  std::vector<CellResult> cells;
  for (const auto& [sequence, set] :
       {std::pair<std::string, std::string>{"Beauty", "B"}, {"Jockey, cut", "A"}}) {
    for (const auto& [codec, side] :
         {std::pair<std::string, std::string>{"x265", "anchor"}, {"tgvc", "test"}}) {
      const nlohmann::json& curve = bd[set][side];
      for (size_t i = 0; i < curve["rate"].size(); ++i) {
        cells.push_back(cell(sequence, codec, static_cast<int>(i), curve["rate"][i], curve["psnr"][i]));
      }
    }
  }
  CellResult failed = cell("Beauty", "tgvc", 9, 5000, 45);
  failed.status = CellOutcome::kFailed;
  failed.stage = FailedStage::kEncode;
  failed.error = "out of memory, sorry";
  cells.push_back(failed);
  CellResult missing = cell("Beauty", "tgvc", 8, 4000, 44);
  missing.metrics[0].available = false;
  missing.metrics[0].value = std::nan("");
  cells.push_back(missing);
  return parse_csv(results_csv(cells), "results.csv");
}

std::string error_of(const CsvTable& table, const BdCurveQuery& query) {
  try {
    select_bd_curves(table, query);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(BdCurves, ResultsCsvPerSequenceMatchesTheReferenceVectors) {
  const CsvTable table = results_table();
  const BdCurveSelection anchor = select_bd_curves(table, {"psnr_y", "", "x265", "", "--anchor-codec"});
  const BdCurveSelection test = select_bd_curves(table, {"psnr_y", "", "tgvc", "", "--test-codec"});
  EXPECT_EQ(anchor.rate_column, "bpp");
  ASSERT_EQ(anchor.curves.size(), 2u);
  EXPECT_EQ(anchor.curves[1].sequence, "Jockey, cut");
  EXPECT_EQ(anchor.curves[1].dataset, "uvg");
  EXPECT_TRUE(anchor.skipped.empty());
  ASSERT_EQ(test.curves.size(), 2u);
  EXPECT_EQ(test.curves[0].points.size(), 4u);
  EXPECT_THAT(test.skipped,
              ElementsAre("results.csv:18: status is 'failed'", "results.csv:19: psnr_y is n/a"));

  const nlohmann::json bd = reference_bd();
  for (BdMethod m : {BdMethod::kCubic, BdMethod::kPchip, BdMethod::kAkima}) {
    const BdComparison c = compare_bd_curves(anchor.curves, test.curves, m, true);
    ASSERT_EQ(c.sequences.size(), 2u);
    EXPECT_TRUE(c.unmatched.empty());
    const double b_rate = bd["B"][to_string(m)]["bd_rate_pct"];
    const double a_rate = bd["A"][to_string(m)]["bd_rate_pct"];
    const double b_psnr = bd["B"][to_string(m)]["bd_psnr_db"];
    const double a_psnr = bd["A"][to_string(m)]["bd_psnr_db"];
    EXPECT_NEAR(c.sequences[0].bd.bd_rate_pct, b_rate, 1e-8);
    EXPECT_NEAR(c.sequences[1].bd.bd_quality, a_psnr, 1e-8);
    EXPECT_EQ(c.mean_count, 2u);
    EXPECT_NEAR(c.mean_bd_rate_pct, (a_rate + b_rate) / 2, 1e-8);
    EXPECT_NEAR(c.mean_bd_quality, (a_psnr + b_psnr) / 2, 1e-8);
  }
}

TEST(BdCurves, SequenceFilterAndKbps) {
  const CsvTable table = results_table();
  const BdCurveSelection s =
      select_bd_curves(table, {"lpips_alex", "kbps", "tgvc", "Jockey, cut", "--test-codec"});
  ASSERT_EQ(s.curves.size(), 1u);
  EXPECT_EQ(s.rate_column, "kbps");
  EXPECT_EQ(s.curves[0].points.size(), 4u);
  EXPECT_NEAR(s.curves[0].points[0].rate, 9787.8 * 9.2, 1e-9);
  EXPECT_NEAR(s.curves[0].points[0].quality, 0.5 - 40.121 / 100, 1e-12);
}

TEST(BdCurves, DatasetFilterKeepsOneDatasetAsTheReportAveragesIt) {
  std::vector<CellResult> cells;
  for (const char* dataset : {"uvg", "hevc-b"}) {
    for (int r = 0; r < 2; ++r) {
      cells.push_back(cell("Seq", "x265", r, 0.01 * (r + 1), 30 + r));
      cells.back().dataset = dataset;
    }
  }
  const CsvTable table = parse_csv(results_csv(cells), "results.csv");
  BdCurveQuery query{"psnr_y", "", "x265", "", "--anchor-codec"};
  EXPECT_EQ(select_bd_curves(table, query).curves.size(), 2u);
  query.dataset = "hevc-b";
  const BdCurveSelection s = select_bd_curves(table, query);
  ASSERT_EQ(s.curves.size(), 1u);
  EXPECT_EQ(s.curves[0].dataset, "hevc-b");
  EXPECT_EQ(s.curves[0].points.size(), 2u);
  query.dataset = "hevc_b";
  EXPECT_THAT(error_of(table, query), HasSubstr("expected --dataset naming one of uvg, hevc-b"));
  const BdCurveQuery plain{"psnr_y", "", "", "", "--anchor-codec", "uvg"};
  EXPECT_THAT(error_of(parse_csv("bpp,psnr_y\n0.1,30\n", "p.csv"), plain),
              HasSubstr("expected a 'dataset' column to choose rows by --dataset"));
}

TEST(BdCurves, BadQueriesNameFileColumnAndChoices) {
  const CsvTable table = results_table();
  EXPECT_THAT(error_of(table, {"psnr_y", "", "", "", "--anchor-codec"}),
              HasSubstr("results.csv: expected --anchor-codec to choose one of the codecs x265, tgvc"));
  EXPECT_THAT(
      error_of(table, {"psnr_y", "", "x256", "", "--anchor-codec"}),
      HasSubstr("expected --anchor-codec naming one of x265, tgvc (did you mean 'x265'?), found 'x256'"));
  const std::string missing = error_of(table, {"psnr", "", "x265", "", "--anchor-codec"});
  EXPECT_THAT(missing, HasSubstr("results.csv: expected a column 'psnr' (the metric)"));
  EXPECT_THAT(missing, HasSubstr("found the columns dataset, sequence, codec,"));
  EXPECT_THAT(missing, HasSubstr("psnr_y, lpips_alex, status"));
  EXPECT_THAT(error_of(table, {"psnr_y", "", "x265", "Kimono", "--anchor-codec"}),
              HasSubstr("expected --sequence naming one of Beauty, Jockey, cut"));
  EXPECT_THAT(error_of(table, {"psnr_y", "bitz", "x265", "", "--anchor-codec"}),
              HasSubstr("expected a column 'bitz' (the rate); did you mean 'bits'?"));
}

TEST(BdCurves, MetricColumnsLeaveOutDescriptionRateAndStatus) {
  EXPECT_THAT(bd_metric_columns(results_table(), is_rate_value), ElementsAre("psnr_y", "lpips_alex"));
  EXPECT_THAT(bd_metric_columns(parse_csv("kbps,psnr,ssim\n", "p.csv"), is_rate_value),
              ElementsAre("psnr", "ssim"));
}

TEST(BdCurves, PlainCsvIsOneCurve) {
  const CsvTable table =
      parse_csv("rate,psnr,lpips\n100,30,n/a\n200,33,0.3\n400,35.5,0.2\n800,37.5,0.1\n", "a.csv");
  const BdCurveSelection s = select_bd_curves(table, {"psnr", "", "", "", "--anchor-codec"});
  EXPECT_EQ(s.rate_column, "rate");
  EXPECT_EQ(s.codec, "");
  ASSERT_EQ(s.curves.size(), 1u);
  EXPECT_EQ(curve_name(s.curves[0].dataset, s.curves[0].sequence), "(all rows)");
  EXPECT_EQ(s.curves[0].points.size(), 4u);
  const BdCurveSelection l = select_bd_curves(table, {"lpips", "", "", "", "--anchor-codec"});
  EXPECT_EQ(l.curves[0].points.size(), 3u);
  EXPECT_THAT(l.skipped, ElementsAre("a.csv:2: lpips is n/a"));
  EXPECT_THAT(error_of(table, {"psnr", "", "x265", "", "--anchor-codec"}),
              HasSubstr("a.csv: expected a 'codec' column to choose rows by --anchor-codec"));
}

TEST(BdCurves, NonNumbersAndMissingRateColumn) {
  EXPECT_EQ(error_of(parse_csv("bpp,psnr\n0.1,30\n0.2,3l\n", "a.csv"), {"psnr", "", "", "", "--codec"}),
            "a.csv:3 column psnr: expected a number or n/a, found '3l'");
  EXPECT_THAT(
      error_of(parse_csv("size,psnr\n0.1,30\n", "a.csv"), {"psnr", "", "", "", "--codec"}),
      HasSubstr("a.csv: expected a rate column (one of bpp, kbps, bits, rate, or one named with --rate)"));
  const BdCurveSelection s =
      select_bd_curves(parse_csv("bpp,psnr\n0,30\n0.2,31\n", "a.csv"), {"psnr", "", "", "", "--codec"});
  EXPECT_THAT(s.skipped, ElementsAre("a.csv:2: bpp is not positive"));
}

TEST(BdCurves, UnmatchedSequencesAreListed) {
  const std::vector<BdCurve> anchor = {{"d", "s1", {{1, 1}, {2, 2}}}, {"d", "s2", {{1, 1}, {2, 2}}}};
  const std::vector<BdCurve> test = {{"d", "s2", {{1, 1}, {2, 2}}}, {"d", "s3", {{1, 1}, {2, 2}}}};
  const BdComparison c = compare_bd_curves(anchor, test, BdMethod::kPchip, true);
  ASSERT_EQ(c.sequences.size(), 1u);
  EXPECT_EQ(c.sequences[0].sequence, "s2");
  EXPECT_EQ(c.mean_bd_rate_pct, 0.0);
  EXPECT_THAT(c.unmatched, ElementsAre("d/s1: only in the anchor", "d/s3: only in the test"));
}

TEST(BdCurves, MeanIsNaNWhenNoSequenceWorks) {
  const std::vector<BdCurve> anchor = {{"", "", {{1, 1}, {2, 2}}}};
  const std::vector<BdCurve> test = {{"", "", {{10, 10}, {20, 20}}}};
  const BdComparison c = compare_bd_curves(anchor, test, BdMethod::kAkima, true);
  EXPECT_EQ(c.mean_count, 0u);
  EXPECT_TRUE(std::isnan(c.mean_bd_rate_pct));
  EXPECT_FALSE(c.sequences[0].bd.ok);
}

}  // namespace
}  // namespace tgvc
