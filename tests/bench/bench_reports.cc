// Cost of report.html for a 1000-cell run (2 datasets x 25 sequences x 5 codecs x 4 rate points,
// 4 metrics with 48 per-frame values each). The budget: under 2 s.
#include <filesystem>

#include <benchmark/benchmark.h>

#include "harness/core/atomic_file.h"
#include "harness/results/results_json.h"
#include "reports/html_report.h"
#include "tests/unit/html/fake_run.h"

namespace tgvc {
namespace {

testing::FakeRunSpec thousand_cells() {
  testing::FakeRunSpec spec;
  spec.datasets = {"hevc-b", "uvg"};
  spec.sequences = 25;
  spec.codecs = {"x265", "aom", "tgvc", "dcvc", "raw"};
  spec.rate_points = 4;
  spec.frames = 48;
  spec.fail_every = 97;
  return spec;
}

// The repository root from this file's path (the bench targets get no source-dir definition).
std::string paper_points_csv() {
  const std::filesystem::path here(__FILE__);
  return (here.parent_path().parent_path().parent_path() / "third_party/paper/tgvc_rd_points.csv").string();
}

// The page alone, from results in memory.
void BM_HtmlReport1000Cells(benchmark::State& state) {
  const RunResults run = testing::fake_run(thousand_cells());
  HtmlReportOptions options;
  options.paper_points_csv = paper_points_csv();
  size_t bytes = 0;
  for (auto _ : state) {
    const std::string html = html_report(run, options);
    bytes = html.size();
    benchmark::DoNotOptimize(html.data());
  }
  state.counters["cells"] = static_cast<double>(run.cells.size());
  state.counters["html_MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_HtmlReport1000Cells)->Unit(benchmark::kMillisecond);

// What `tgvc-bench report RUN_DIR` does: read results.json, build the page, write it atomically.
void BM_ReportCommand1000Cells(benchmark::State& state) {
  const std::string dir = (std::filesystem::temp_directory_path() / "tgvc_bench_reports").string();
  std::filesystem::create_directories(dir);
  const RunResults fake = testing::fake_run(thousand_cells(), dir);
  write_file_atomically(dir + "/results.json", results_json(fake.experiment, fake.provenance, fake.cells));
  for (auto _ : state) {
    const RunResults run = load_run_results(dir);
    write_html_report(run, HtmlReportOptions{}, dir + "/report.html");
  }
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_ReportCommand1000Cells)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tgvc
