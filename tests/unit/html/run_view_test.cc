#include <gtest/gtest.h>

#include "harness/core/error.h"
#include "reports/html_run_view.h"
#include "tests/unit/html/fake_run.h"

namespace tgvc {
namespace {

using testing::fake_run;
using testing::FakeRunSpec;

TEST(RunView, GroupsCellsByDatasetSequenceCodecAndRatePoint) {
  FakeRunSpec spec;
  spec.datasets = {"uvg", "hevc-b"};
  spec.sequences = 3;
  spec.codecs = {"tgvc", "x265"};
  spec.rate_points = 2;
  const RunResults run = fake_run(spec);
  const RunView view = make_run_view(run, {});
  ASSERT_EQ(view.datasets.size(), 2u);
  EXPECT_EQ(view.datasets[0].name, "uvg");
  EXPECT_EQ(view.codecs, (std::vector<std::string>{"tgvc", "x265"}));
  EXPECT_EQ(view.anchor, "tgvc");  // the first codec among the cells
  const DatasetView& d = view.datasets[1];
  EXPECT_EQ(d.sequences, (std::vector<std::string>{"Seq0", "Seq1", "Seq2"}));
  EXPECT_EQ(d.rate_points[1], (std::vector<std::string>{"q0", "q1"}));
  const CellResult* cell = d.cells[2][1][1];
  ASSERT_NE(cell, nullptr);
  EXPECT_EQ(cell->dataset, "hevc-b");
  EXPECT_EQ(cell->sequence, "Seq2");
  EXPECT_EQ(cell->codec, "x265");
  EXPECT_EQ(cell->rate_point, "q1");
  EXPECT_EQ(d.cell_count, 12u);
  EXPECT_EQ(view.ok_count, 24u);
}

TEST(RunView, PrimaryMetricsFirstAndOnlyMetricsWithNumbers) {
  FakeRunSpec spec;
  spec.lpips_available = false;
  RunResults run = fake_run(spec);
  MetricValue extra;
  extra.name = "aaa_custom";
  extra.value = 1;
  run.cells[0].metrics.insert(run.cells[0].metrics.begin(), extra);
  const RunView view = make_run_view(run, {});
  EXPECT_EQ(view.metrics, (std::vector<std::string>{"psnr_y", "psnr_rgb", "msssim_rgb", "aaa_custom"}));
  EXPECT_EQ(view.shown_metrics, 3u);
  EXPECT_EQ(view.units.at("psnr_y"), "dB");

  HtmlReportOptions options;
  options.metrics = {"lpips_alex", "psnr_y"};  // asked for: kept even when it has no number
  const RunView chosen = make_run_view(run, options);
  EXPECT_EQ(chosen.metrics, options.metrics);
  EXPECT_EQ(chosen.shown_metrics, 2u);
}

TEST(RunView, UnknownAnchorOrMetricIsAnInputErrorListingTheValidOnes) {
  const RunResults run = fake_run({});
  HtmlReportOptions options;
  options.anchor = "vtm";
  try {
    make_run_view(run, options);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "anchor");
    EXPECT_NE(e.expected().find("x265, tgvc"), std::string::npos);
  }
  options.anchor = "tgvc";
  EXPECT_EQ(make_run_view(run, options).anchor, "tgvc");
  options.metrics = {"psnr_z"};
  EXPECT_THROW(make_run_view(run, options), InputError);
}

TEST(RunView, DuplicateCellsAreCountedAndLeftOut) {
  RunResults run = fake_run({});
  run.cells.push_back(run.cells.front());
  run.cells.back().bpp = 99;
  const RunView view = make_run_view(run, {});
  EXPECT_EQ(view.duplicate_cells, 1u);
  EXPECT_DOUBLE_EQ(view.datasets[0].cells[0][0][0]->bpp, run.cells.front().bpp);
}

TEST(RunView, EmptyRunHasNoDatasetsAndNoAnchor) {
  RunResults run;
  const RunView view = make_run_view(run, {});
  EXPECT_TRUE(view.datasets.empty());
  EXPECT_TRUE(view.anchor.empty());
  EXPECT_TRUE(view.metrics.empty());
}

}  // namespace
}  // namespace tgvc
