// The runner saves, for every cell, the decoded frame nearest the median of the report's first
// main metric (not a fixed middle frame) with the source frame of the same index, records that
// index, every metric's headline value and, on a rerun, how many cells it reused.
#include <algorithm>
#include <cmath>
#include <filesystem>

#include <gtest/gtest.h>
#include <unistd.h>

#include "codecs/codec.h"
#include "harness/core/atomic_file.h"
#include "harness/io/png_writer.h"
#include "harness/results/run_results.h"
#include "harness/run/run_experiment.h"
#include "harness/run/sequence_cache.h"
#include "reports/still_frame.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

// x265 with a keyframe every 4 frames: quality swings within the clip, so the median frame is not
// the middle one.
const char* kConfig = R"(experiment: stills
frames: {count: 9}
datasets:
  - synthetic: {name: a, width: 96, height: 64, seed: 3, scene: crossing}
codecs:
  - {type: x265, params: {keyint: 4, preset: ultrafast}, sweep: {qp: [44]}}
metrics: [msssim, psnr]
jobs: 1
)";

// The rule restated without reports/still_frame.cc: nearest the median, lowest index on a tie.
int expected_median_frame(const std::vector<double>& values) {
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const size_t n = sorted.size();
  const double median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  int best = 0;
  for (size_t i = 1; i < values.size(); ++i) {
    if (std::fabs(values[i] - median) < std::fabs(values[best] - median)) best = static_cast<int>(i);
  }
  return best;
}

std::string png_bytes(const Frame& frame, ColourSpec colour) {
  const std::vector<uint8_t> png = encode_png(frame, colour);
  return std::string(png.begin(), png.end());
}

TEST(RunStills, TheMedianFrameOfTheFirstMainMetricWithItsSourceAndARerunSaysWhatItReused) {
  const fs::path dir = fs::temp_directory_path() / ("tgvc_stills_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const Experiment e = parse_experiment(kConfig, "stills.yaml");
  RunOptions options;
  options.output = dir.string();
  options.quiet = true;
  const RunOutcome first = run_experiment(e, options);
  ASSERT_EQ(first.failed, 0);
  const RunResults run = load_run_results(dir.string());
  ASSERT_EQ(run.cells.size(), 1u);
  const CellResult& cell = run.cells[0];

  // psnr_y is the report's first main metric although msssim is listed first.
  EXPECT_EQ(cell.still_metric, "psnr_y");
  EXPECT_EQ(cell.headline_values, (std::vector<std::string>{"msssim_rgb", "psnr_y"}));
  const MetricValue* psnr = nullptr;
  for (const MetricValue& v : cell.metrics) {
    if (v.name == "psnr_y") psnr = &v;
  }
  ASSERT_NE(psnr, nullptr);
  ASSERT_EQ(psnr->per_frame.size(), 9u);
  const int expected = expected_median_frame(psnr->per_frame);
  ASSERT_NE(expected, 9 / 2) << "the clip's median frame is its middle frame: the test proves nothing";
  EXPECT_EQ(cell.still_frame, expected);

  // The saved PNGs are that decoded frame and that source frame.
  SequenceCache cache(e, {1});
  bool loaded = false;
  double load_s = 0;
  const std::shared_ptr<const Video> source = cache.acquire(0, &loaded, &load_s);
  const Codec* x265 = find_codec("x265");
  const ParamSet params =
      ParamSet::resolve(x265->param_specs(), e.codecs[0].rate_points[0].params, e.codecs[0].name);
  const Video decoded = x265->decode(x265->encode(*source, params));
  cache.release(0);
  EXPECT_EQ(read_file((dir / "cells" / (cell.cell_id + ".png")).string()),
            png_bytes(decoded.frames[expected], decoded.info.colour));
  EXPECT_EQ(read_file((dir / still_source_file(cell.dataset, cell.sequence, expected)).string()),
            png_bytes(source->frames[expected], source->info.colour));

  // A rerun reuses the cell; results.json says so and keeps the cell's own time.
  const RunOutcome second = run_experiment(e, options);
  EXPECT_EQ(second.reused, 1);
  const RunResults rerun = load_run_results(dir.string());
  EXPECT_EQ(rerun.provenance.cells_reused, 1);
  EXPECT_EQ(run.provenance.cells_reused, 0);
  EXPECT_EQ(rerun.cells[0].timing.total_s, cell.timing.total_s);
  EXPECT_EQ(rerun.cells[0].still_frame, expected);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tgvc
