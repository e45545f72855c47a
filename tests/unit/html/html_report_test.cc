#include <unistd.h>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/results/results_json.h"
#include "reports/html_base64.h"
#include "reports/html_report.h"
#include "tests/unit/html/fake_run.h"
#include "tests/unit/html/report_test_util.h"

namespace tgvc {
namespace {

using testing::contains;
using testing::count_of;
using testing::fake_run;
using testing::FakeRunSpec;
using testing::rd_cell;
using testing::self_contained;

const std::string kPaperCsv = std::string(TGVC_SOURCE_DIR) + "/third_party/paper/tgvc_rd_points.csv";

std::string temp_dir(const std::string& name) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("tgvc_html_test_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

TEST(HtmlReport, OnePlotPerDatasetAndMetricPlusPerSequenceAndPerFramePlots) {
  FakeRunSpec spec;
  spec.datasets = {"hevc-b", "uvg"};
  spec.sequences = 3;
  const std::string html = html_report(fake_run(spec), {});
  // Per dataset: 4 metric plots, 3 sequences x 4 per-sequence R-D plots, 3 x 4 per-frame plots.
  EXPECT_EQ(count_of(html, "<svg class=\"plot\""), 2u * (4 + 12 + 12));
  EXPECT_EQ(count_of(html, "<table class=\"sortable results\">"), 2u);
  // Every ok cell is one row of its dataset's results table with a sortable bpp value.
  EXPECT_EQ(count_of(html, "<td class=\"ok\">ok</td>"), 2u * 3 * 2 * 4);
  EXPECT_TRUE(contains(html, "<h1>synthetic-report</h1>"));
  EXPECT_TRUE(contains(html, "<dd>0123456789abcdef</dd>"));
  EXPECT_TRUE(contains(html, "<dd>ffmpeg 5.1, x265 3.5</dd>"));
  EXPECT_EQ(html.rfind("</html>\n"), html.size() - 8);
}

TEST(HtmlReport, RdPointsAreMeansOverTheDatasetsSequences) {
  RunResults run;
  run.experiment = "means";
  run.cells = {rd_cell("d", "s1", "A", "r0", 0.001, 30), rd_cell("d", "s2", "A", "r0", 0.002, 32),
               rd_cell("d", "s1", "A", "r1", 0.004, 35)};
  const std::string html = html_report(run, {});
  EXPECT_TRUE(contains(html, "<title>A · r0\n0.0015 bpp · psnr_y 31\nmean over 2 of 2 sequences</title>"))
      << html;
  // r1 exists for one sequence only: drawn hollow, and said so.
  EXPECT_TRUE(contains(html,
                       "fill=\"#fff\" stroke=\"#0072b2\" stroke-width=\"1.5\"><title>A · r1\n0.004 bpp · "
                       "psnr_y 35\nmean over 1 of 2 sequences</title>"));
}

TEST(HtmlReport, BdTableAgainstTheAnchorFromKnownCurves) {
  // B reaches A's quality with half the bits: BD-rate -50 %, and 2 dB more at equal rate.
  RunResults run;
  run.experiment = "bd";
  for (const char* seq : {"s1", "s2"}) {
    for (int r = 0; r < 4; ++r) {
      const double bpp = 0.001 * (1 << r);
      run.cells.push_back(rd_cell("d", seq, "A", "r" + std::to_string(r), bpp, 30 + 2 * r));
      run.cells.push_back(rd_cell("d", seq, "Same", "r" + std::to_string(r), bpp, 30 + 2 * r));
      if (std::string(seq) == "s2" && r == 3) continue;  // s2 keeps 3 points for B: pchip still works
      run.cells.push_back(rd_cell("d", seq, "B", "r" + std::to_string(r), bpp / 2, 30 + 2 * r));
    }
  }
  HtmlReportOptions options;
  options.bd_method = BdMethod::kPchip;
  const std::string html = html_report(run, options);
  EXPECT_TRUE(contains(html, "<h3>Bjontegaard deltas against A</h3>"));
  const std::regex row(
      "<tr><td>B</td><td class=\"n good\"[^>]*>-50.0 %.*?</td><td class=\"n "
      "good\"[^>]*>\\+2.00(<sup[^<]*</sup>)?</td>");
  EXPECT_TRUE(std::regex_search(html, row)) << html.substr(html.find("Bjontegaard"), 1500);
  // A copy of the anchor: zero both ways, shown unsigned and neither good nor bad.
  EXPECT_TRUE(std::regex_search(
      html, std::regex("<tr><td>Same</td><td class=\"n\"[^>]*>0.0 %</td><td class=\"n\"[^>]*>0.00</td>")));

  options.anchor = "B";
  const std::string reversed = html_report(run, options);
  EXPECT_TRUE(std::regex_search(reversed, std::regex("<tr><td>A</td><td class=\"n bad\"[^>]*>\\+100.0 %")));
}

TEST(HtmlReport, BdNotesWhenTooFewPointsAndNoAnchorData) {
  RunResults run;
  run.experiment = "bd";
  run.cells = {rd_cell("d", "s1", "A", "r0", 0.001, 30), rd_cell("d", "s1", "B", "r0", 0.001, 31),
               rd_cell("e", "s1", "B", "r0", 0.001, 31)};
  const std::string html = html_report(run, {});
  EXPECT_TRUE(contains(html, "<td class=\"n na\" title=\"s1: "));
  EXPECT_TRUE(contains(html, "The anchor A has no cells in this dataset."));
}

TEST(HtmlReport, EscapesEveryTextFromResults) {
  RunResults run;
  run.experiment = "exp</title><script>alert(1)</script>";
  run.provenance.host = "h\" onload=\"alert(2)";
  CellResult a =
      rd_cell("<b>data</b>", "<img src=x onerror=alert(3)>", "\"><script>alert(4)</script>", "q'1", 0.01, 30);
  CellResult b = a;
  b.status = CellOutcome::kFailed;
  b.stage = FailedStage::kEncode;
  b.error = "<svg onload=alert(5)>";
  b.rate_point = "q2";
  run.cells = {a, b};
  const std::string html = html_report(run, {});
  for (const char* raw : {"<script>alert", "<img src=x", "<svg onload", "<b>data", "onload=\"alert(2)"}) {
    EXPECT_FALSE(contains(html, raw)) << raw;
  }
  EXPECT_TRUE(contains(html, "&lt;img src=x onerror=alert(3)&gt;"));
  EXPECT_TRUE(contains(html, "&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;"));
  EXPECT_TRUE(contains(html, "&lt;svg onload=alert(5)&gt;"));
  EXPECT_EQ(count_of(html, "<script>"), 1u);  // ours, at the end
}

TEST(HtmlReport, NothingToFetchAndAPolicyThatForbidsFetching) {
  const std::string html = html_report(fake_run({}), {});
  std::string why;
  EXPECT_TRUE(self_contained(html, &why)) << why;
  EXPECT_GT(testing::attribute_values(html, "href").size(), 0u);
  // The check itself catches each kind of reference.
  for (const char* bad :
       {"<img src=\"http://x/y.png\">", "<a href=\"//x/y\">", "<div style=\"background:url(a.png)\">",
        "<img src=\"y.png\">", "<link rel=\"stylesheet\" href=\"#\">"}) {
    EXPECT_FALSE(self_contained(html + bad, &why)) << bad;
  }
  EXPECT_TRUE(contains(html, "content=\"default-src &#39;none&#39;; img-src data:;"));
}

TEST(HtmlReport, FailedCellsAndNaMetricsWithTheirReasons) {
  FakeRunSpec spec;
  spec.fail_every = 3;
  spec.lpips_available = false;
  const RunResults run = fake_run(spec);
  size_t failed = 0;
  for (const CellResult& c : run.cells) failed += c.ok() ? 0 : 1;
  const std::string html = html_report(run, {});
  EXPECT_TRUE(contains(html, "<h2>Failed cells (" + std::to_string(failed) + ")</h2>"));
  EXPECT_TRUE(contains(html, "<td>encode</td><td class=\"wrap err\">synthetic failure &lt;3&gt;</td>"));
  EXPECT_TRUE(contains(html,
                       "<td>lpips_alex</td><td class=\"wrap\">LPIPS weights missing: run "
                       "scripts/fetch-models.sh lpips</td><td class=\"n\">" +
                           std::to_string(run.cells.size() - failed) + "</td>"));
  EXPECT_TRUE(contains(html, "<td class=\"bad\" title=\"synthetic failure &lt;3&gt;\">failed (encode)</td>"));
}

TEST(HtmlReport, PerSetMetricsWithStatementWarningAndNa) {
  RunResults run = fake_run(FakeRunSpec{});
  EXPECT_FALSE(contains(html_report(run, {}), "id=\"sets\""));  // no per-set metric, no section
  const auto set = [](const std::string& codec, const std::string& point, double bpp, double fvd) {
    SetResult s;
    s.metric = "fvd";
    s.codec = codec;
    s.rate_point = point;
    s.sequences = {"d/a", "d/b"};
    s.bpp = bpp;
    MetricValue v;
    v.name = "fvd";
    v.value = fvd;
    v.convention = "FVD over N=12 clips (<I3D>); WARNING: N=12 < 400 feature dimensions";
    if (!std::isfinite(fvd)) {
      v.available = false;
      v.reason = "model 'i3d' missing";
    }
    return s.values = {v}, s;
  };
  run.sets = {set(run.cells[0].codec, "q1", 0.01, 250.5), set(run.cells[0].codec, "q2", 0.02, 120.25),
              set(run.cells[0].codec, "q3", 0.04, std::nan(""))};
  const std::string html = html_report(run, {});
  EXPECT_TRUE(contains(html, "<h2>Per-set metrics</h2>"));
  EXPECT_TRUE(contains(html, "href=\"#sets\""));
  EXPECT_EQ(count_of(html, "Warning: N=12 &lt; 400 feature dimensions"), 1u);
  EXPECT_TRUE(contains(html, "<td class=\"n\" data-v=\"250.5\">250.5</td>"));
  EXPECT_TRUE(contains(html, "FVD over N=12 clips (&lt;I3D&gt;)"));
  EXPECT_TRUE(contains(html, "<td>n/a: model &#39;i3d&#39; missing</td>"));
  std::string why;
  EXPECT_TRUE(self_contained(html, &why)) << why;
}

TEST(HtmlReport, PaperPointsBesideOursForTheMatchingDatasetOnBppOnly) {
  HtmlReportOptions options;
  options.paper_points_csv = kPaperCsv;
  const std::string html = html_report(fake_run({}), options);  // dataset hevc-b, metric lpips_alex
  EXPECT_TRUE(contains(html, ">paper: T-GVC</text>"));
  EXPECT_TRUE(contains(html, ">paper: DCVC-FM</text>"));
  EXPECT_TRUE(contains(html, "<title>T-GVC (paper, exact) · 0.0028 bpp · lpips 0.439</title>"));
  EXPECT_FALSE(contains(html, "0.0032 bpp"));  // HEVC_C's point
  EXPECT_TRUE(contains(html, "(45 points; drawn for: hevc-b)"));

  options.rate_axis = RateAxis::kKbps;
  const std::string kbps = html_report(fake_run({}), options);
  EXPECT_FALSE(contains(kbps, "paper: T-GVC"));
  EXPECT_TRUE(contains(kbps, "rate (kbps)"));

  options.paper_points_csv = "/nonexistent.csv";
  EXPECT_THROW(html_report(fake_run({}), options), InputError);
}

TEST(HtmlReport, RateBreakdownShowsTgvcComponents) {
  const RunResults run = fake_run({});
  const std::string html = html_report(run, {});
  const CellResult& tgvc = run.cells[4];  // Seq0, tgvc, q0
  ASSERT_EQ(tgvc.codec, "tgvc");
  EXPECT_TRUE(contains(html, "title=\"header: 96 bits (" +
                                 fmt::format("{:.1f}", 9600.0 / static_cast<double>(tgvc.bits)) + " %)\""));
  EXPECT_TRUE(contains(html, "<details open=\"\"><summary>tgvc: header "));
  EXPECT_TRUE(contains(html, "<details><summary>x265: bitstream 100.0 % of the bits on average</summary>"));
  // Per rate point, the mean over the two sequences: 96 header bits in each cell.
  const CellResult& other = run.cells[4 + 8];  // Seq1, tgvc, q0
  ASSERT_EQ(other.codec, "tgvc");
  ASSERT_EQ(other.rate_point, "q0");
  const double mean_bits = (static_cast<double>(tgvc.bits) + static_cast<double>(other.bits)) / 2;
  EXPECT_TRUE(contains(html, "<span class=\"bl\">q0 (mean of 2)</span>"));
  EXPECT_TRUE(contains(html, fmt::format("title=\"header: 96 bits ({:.1f} %)\"", 9600.0 / mean_bits)));
  EXPECT_TRUE(contains(html, "<summary>Every cell (8)</summary>"));
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

TEST(HtmlReport, VisualStripEmbedsSavedFramesAndNotesMissingOnes) {
  const std::string dir = temp_dir("strip");
  FakeRunSpec spec;
  spec.rate_points = 3;
  RunResults run = fake_run(spec, dir);
  run.cells.front().cell_id = "../escape";  // Seq0, x265, q0: never read as a path
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "frame bytes";
  write_bytes(dir + "/sources/hevc-b__Seq0.png", png);
  // x265 (lowest 0.001) and tgvc (lowest 0.0015): target sqrt(0.001 * 0.0015); both pick q0.
  write_bytes(dir + "/cells/hevc-b__Seq0__tgvc__q0.png", png);
  write_bytes(dir + "/cells/hevc-b__Seq1__x265__q0.png", "not a png");
  const std::string html = html_report(run, {});
  const std::string uri = "data:image/png;base64," + base64_encode(png);
  // Seq0's source frame beside each of its two codecs, and tgvc's frame.
  EXPECT_EQ(count_of(html, "<img src=\"" + uri + "\""), 3u);
  EXPECT_TRUE(contains(html, "alt=\"tgvc at q0, frame 24\""));
  EXPECT_TRUE(contains(html, "the cell id is not a file name"));
  EXPECT_TRUE(contains(html, "no frame saved (hevc-b__Seq1.png missing)"));
  EXPECT_TRUE(contains(html, "hevc-b__Seq1__x265__q0.png is not a PNG file"));
  EXPECT_TRUE(contains(html, "<h4>Seq0 — target 0.00122 bpp</h4>"));
  EXPECT_TRUE(contains(html, "<b>tgvc</b><br>q0 · 0.0015 bpp<br>psnr_y "));
  // Results stored before stills were chosen by the median rule say that they show the middle frame.
  EXPECT_TRUE(contains(html, "<br>frame 24: the middle frame (result stored before the median rule)"));
  std::string why;
  EXPECT_TRUE(self_contained(html, &why)) << why;

  HtmlReportOptions options;
  options.embed_frames = false;
  EXPECT_FALSE(contains(html_report(run, options), "data:image/png"));
  std::filesystem::remove_all(dir);
}

TEST(HtmlReport, VisualStripShowsEachCellsMedianFrameBesideTheSameSourceFrame) {
  const std::string dir = temp_dir("median_strip");
  FakeRunSpec spec;
  spec.sequences = 1;
  spec.rate_points = 1;
  RunResults run = fake_run(spec, dir);
  ASSERT_EQ(run.cells.size(), 2u);
  run.cells[0].still_frame = 7;  // x265
  run.cells[0].still_metric = "psnr_y";
  run.cells[1].still_frame = 30;  // tgvc
  run.cells[1].still_metric = "psnr_y";
  const std::string source7 = std::string("\x89PNG\r\n\x1a\n", 8) + "source 7";
  const std::string source30 = std::string("\x89PNG\r\n\x1a\n", 8) + "source 30";
  const std::string middle = std::string("\x89PNG\r\n\x1a\n", 8) + "middle";
  write_bytes(dir + "/sources/hevc-b__Seq0__frame7.png", source7);
  write_bytes(dir + "/sources/hevc-b__Seq0__frame30.png", source30);
  write_bytes(dir + "/sources/hevc-b__Seq0.png", middle);  // the old middle still: no longer shown
  write_bytes(dir + "/cells/" + run.cells[0].cell_id + ".png", source7);
  const std::string html = html_report(run, {});
  EXPECT_TRUE(contains(html, "data:image/png;base64," + base64_encode(source7)));
  EXPECT_TRUE(contains(html, "data:image/png;base64," + base64_encode(source30)));
  EXPECT_FALSE(contains(html, "data:image/png;base64," + base64_encode(middle)));
  EXPECT_TRUE(contains(html, "<b>source</b><br>frame 7</figcaption>"));
  EXPECT_TRUE(contains(html, "<b>source</b><br>frame 30</figcaption>"));
  EXPECT_TRUE(contains(html, "alt=\"x265 at q0, frame 7\""));
  EXPECT_TRUE(contains(html, "<br>frame 30: nearest the median psnr_y</figcaption>"));
  EXPECT_TRUE(contains(html, "nearest that cell&#39;s median over its frames (the lowest index on a tie)"));
  // Each decoded frame comes right after its own source frame: source 7, x265, source 30, tgvc.
  const size_t source7_at = html.find("<b>source</b><br>frame 7</figcaption>");
  const size_t x265_at = html.find("alt=\"x265 at q0, frame 7\"");
  const size_t source30_at = html.find("<b>source</b><br>frame 30</figcaption>");
  const size_t tgvc_at = html.find("frame 30: nearest the median psnr_y");
  EXPECT_LT(source7_at, x265_at);
  EXPECT_LT(x265_at, source30_at);
  EXPECT_LT(source30_at, tgvc_at);
  std::filesystem::remove_all(dir);
}

TEST(HtmlReport, HeaderSeparatesTheCellsComputeTimeFromTheRerunsWallTime) {
  RunResults run = fake_run({});
  run.provenance.wall_s = 0.06;
  run.provenance.cells_reused = static_cast<int>(run.cells.size());
  for (size_t i = 0; i < run.cells.size(); ++i) run.cells[i].timing.total_s = 0.5 + static_cast<double>(i);
  const double sum = 0.5 * 16 + 120;  // 16 cells: 0.5 each plus 0 + 1 + ... + 15
  ASSERT_EQ(run.cells.size(), 16u);
  const std::string html = html_report(run, {});
  EXPECT_TRUE(
      contains(html, fmt::format("<dt>cell compute time</dt><dd>{:.2f} s: the sum of the 16 cells&#39; own "
                                 "times",
                                 sum)))
      << html.substr(html.find("<dl"), 2000);
  EXPECT_TRUE(contains(html,
                       "<dt>this run&#39;s wall time</dt><dd>0.06 s with 2 jobs; 16 of 16 cells reused from "
                       "an earlier run, not recomputed</dd>"));
  EXPECT_FALSE(contains(html, "<dt>wall time</dt>"));
  EXPECT_FALSE(contains(html, "<dt>shared cache</dt>"));  // a run without one says nothing of it
}

TEST(HtmlReport, HeaderSaysWhichCellsCameFromTheSharedCache) {
  RunResults run = fake_run({});
  run.provenance.cache_dir = "/shared/cells";
  run.provenance.cells_from_cache = 10;
  run.provenance.cells_computed = 6;
  run.provenance.bitstreams_from_cache = 1;
  const std::string html = html_report(run, {});
  EXPECT_TRUE(contains(html,
                       "<dt>shared cache</dt><dd>/shared/cells: 10 of 16 cells read from it, 6 computed by "
                       "this run; 1 bitstream read from it instead of encoded</dd>"))
      << html.substr(html.find("<dl"), 2000);
}

TEST(HtmlReport, EveryMetricsHeadlineIsAMainMetric) {
  RunResults run = fake_run({});
  for (CellResult& cell : run.cells) {
    if (!cell.ok()) continue;
    MetricValue v;
    v.name = "trajectory_error";  // not in the main-metric table: main because it is a headline
    v.unit = "px";
    v.value = 10 - std::log2(cell.bpp / 0.001);
    cell.metrics.push_back(v);
    v.name = "trajectory_within_4px";  // the same metric's other values stay under "more metrics"
    v.unit = "share";
    v.value = 0.5;
    cell.metrics.push_back(v);
    cell.headline_values = {"psnr_y", "trajectory_error"};
  }
  const std::string html = html_report(run, {});
  EXPECT_TRUE(contains(
      html, "<dt>main metrics</dt><dd>psnr_y, psnr_rgb, msssim_rgb, lpips_alex, trajectory_error</dd>"))
      << html.substr(html.find("main metrics"), 300);
  EXPECT_TRUE(contains(html, "<dt>more metrics</dt><dd>trajectory_within_4px</dd>"));
  EXPECT_TRUE(contains(html, ">BD-trajectory_error</th>"));
}

TEST(HtmlReport, RebuiltFromResultsJsonAloneAndWrittenAtomically) {
  const std::string dir = temp_dir("rebuild");
  FakeRunSpec spec;
  spec.fail_every = 5;
  const RunResults original = fake_run(spec, dir);
  write_file_atomically(dir + "/results.json",
                        results_json(original.experiment, original.provenance, original.cells));
  const RunResults loaded = load_run_results(dir);
  write_html_report(loaded, {}, dir + "/report.html");
  EXPECT_EQ(read_file(dir + "/report.html"), html_report(original, {}));
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos);
  }
  std::filesystem::remove_all(dir);
}

TEST(HtmlReport, EmptyRunStillMakesAPage) {
  RunResults run;
  run.experiment = "empty";
  const std::string html = html_report(run, {});
  EXPECT_TRUE(contains(html, "<h2>Failed cells (0)</h2>"));
  EXPECT_EQ(count_of(html, "<svg"), 0u);
  EXPECT_EQ(parse_rate_axis("kbps", "x"), RateAxis::kKbps);
  EXPECT_THROW(parse_rate_axis("bits", "x"), InputError);
}

}  // namespace
}  // namespace tgvc
