#include <cmath>

#include <gtest/gtest.h>

#include "harness/core/error.h"
#include "reports/paper_points.h"

namespace tgvc {
namespace {

const std::string kShippedCsv = std::string(TGVC_SOURCE_DIR) + "/third_party/paper/tgvc_rd_points.csv";

TEST(PaperPoints, ReadsTheShippedFileWithItsPublishedValues) {
  const std::vector<PaperPoint> points = read_paper_points(kShippedCsv);
  ASSERT_EQ(points.size(), 45u);  // 8 exact T-GVC points and 37 digitised ones
  const PaperPoint& first = points.front();
  EXPECT_EQ(first.dataset, "HEVC_B");
  EXPECT_EQ(first.codec, "T-GVC");
  EXPECT_DOUBLE_EQ(first.bpp, 0.0028);
  EXPECT_DOUBLE_EQ(first.values.at("lpips"), 0.4390);
  EXPECT_DOUBLE_EQ(first.values.at("clip_sim"), 0.8174);
  EXPECT_EQ(first.source, "exact");
  size_t exact = 0;
  for (const PaperPoint& p : points) exact += p.source == "exact" ? 1 : 0;
  EXPECT_EQ(exact, 8u);
  // HEVC_B,HM,0.0078,0.394,,digitised: CLIP-SIM not published for that point.
  const PaperPoint& hm = points[9];
  EXPECT_EQ(hm.codec, "HM");
  EXPECT_DOUBLE_EQ(hm.bpp, 0.0078);
  EXPECT_EQ(hm.values.count("clip_sim"), 0u);
  EXPECT_DOUBLE_EQ(hm.values.at("lpips"), 0.394);
}

TEST(PaperPoints, AcceptsAnyMetricColumnsAndCrlf) {
  const auto points =
      parse_paper_points("codec,bpp,dataset,fvd\r\nA,0.01,UVG,120.5\r\n\r\nB,0.02,UVG,\r\n", "p.csv");
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[0].dataset, "UVG");
  EXPECT_DOUBLE_EQ(points[0].values.at("fvd"), 120.5);
  EXPECT_TRUE(points[1].values.empty());
  EXPECT_TRUE(points[1].source.empty());
}

void expect_input_error(const std::string& text, const std::string& where_prefix) {
  try {
    parse_paper_points(text, "p.csv");
    FAIL() << "no error for: " << text;
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().rfind(where_prefix, 0), 0u) << e.where();
  }
}

TEST(PaperPoints, BadFilesAreInputErrorsNamingTheLine) {
  expect_input_error("", "p.csv");
  expect_input_error("dataset,codec,lpips\nA,B,0.1\n", "p.csv:1");
  expect_input_error("dataset,codec,bpp\nA,B,0.1,9\n", "p.csv:2");
  expect_input_error("dataset,codec,bpp,lpips\nA,B,0.1,0.2\nA,B,x,0.2\n", "p.csv:3 (bpp)");
  expect_input_error("dataset,codec,bpp,lpips\nA,B,0.1,0.2abc\n", "p.csv:2 (lpips)");
  expect_input_error("dataset,codec,bpp\nA,B,-1\n", "p.csv:2 (bpp)");
  expect_input_error("dataset,codec,bpp\nA,B,nan\n", "p.csv:2 (bpp)");
  expect_input_error("dataset,codec,bpp\n,B,0.1\n", "p.csv:2");
  EXPECT_THROW(read_paper_points("/nonexistent/points.csv"), InputError);
}

TEST(PaperPoints, DatasetNamesMatchIgnoringCaseAndPunctuation) {
  EXPECT_TRUE(same_dataset_name("HEVC_B", "hevc-b"));
  EXPECT_TRUE(same_dataset_name("MCL-JCV", "mcl_jcv"));
  EXPECT_TRUE(same_dataset_name("UVG", "uvg"));
  EXPECT_FALSE(same_dataset_name("HEVC_B", "hevc-c"));
  EXPECT_FALSE(same_dataset_name("__", "--"));
}

TEST(PaperPoints, MetricColumnsOfOurMetricNames) {
  EXPECT_EQ(paper_column_for_metric("lpips_alex"), "lpips");
  EXPECT_EQ(paper_column_for_metric("lpips_vgg"), "lpips");
  EXPECT_EQ(paper_column_for_metric("clipsim"), "clip_sim");
  EXPECT_EQ(paper_column_for_metric("psnr_y"), "");
  EXPECT_EQ(paper_column_for_metric("lpips"), "");  // the paper's name, not one of our values
}

}  // namespace
}  // namespace tgvc
