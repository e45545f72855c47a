// The runner prepares a metric's source side (the trajectory metric's source tracks) once per
// sequence and gives it to every cell of the sequence; each cell's values stay those of the metric
// computed alone on the same decoded video, bit for bit.
#include <cstring>
#include <filesystem>

#include <gtest/gtest.h>
#include <unistd.h>

#include "codecs/codec.h"
#include "codecs/source_colour.h"
#include "harness/metrics/registry.h"
#include "harness/plan/plan.h"
#include "harness/run/cell_key.h"
#include "harness/run/cell_runner.h"
#include "harness/run/sequence_cache.h"
#include "reports/still_frame.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

const char* kConfig = R"(experiment: shared
frames: {count: 8}
datasets:
  - synthetic: {name: a, width: 96, height: 64, seed: 4}
codecs:
  - {type: x265, params: {preset: ultrafast}, sweep: {qp: [30, 44]}}
metrics: [{trajectory_error: {truth: tracker, grid: 6}}]
jobs: 1
)";

TEST(CellRunner, SharesTheTrajectorySourceSideBetweenTheCellsOfASequence) {
  const fs::path dir = fs::temp_directory_path() / ("tgvc_shared_source_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "cells");
  const Experiment e = parse_experiment(kConfig, "shared.yaml");
  const std::vector<Cell> plan = make_plan(e);
  ASSERT_EQ(plan.size(), 2u);
  fs::create_directories((dir / still_source_file("synthetic", "a", 0)).parent_path());
  SequenceCache cache(e, {3});  // the two cells, then this test's look into the cache

  const Metric& metric = *find_metric("trajectory_error")->plain;
  const ParamSet options =
      ParamSet::resolve(metric.param_specs(), e.metrics[0].options, "metrics.trajectory_error");
  bool loaded = false;
  double load_s = 0;
  const std::shared_ptr<const Video> source = cache.acquire(0, &loaded, &load_s);
  BitstreamStore bitstreams({}, nullptr);
  for (const Cell& cell : plan) {
    CellWork work;
    const CellResult r =
        run_cell(e, cell, cache, bitstreams, encoder_inputs_hash(e, cell), "inputs", dir.string(), &work);
    ASSERT_TRUE(r.ok()) << r.error;
    // The same cell by hand: its decoded video and the metric alone.
    const CodecSpec& spec = e.codecs[cell.codec];
    const Codec& codec = *find_codec(spec.type);
    const ParamSet params =
        ParamSet::resolve(codec.param_specs(), spec.rate_points[cell.rate_point].params, spec.name);
    const Video decoded = decode_for_source(codec, encode_source(codec, *source, params));
    const std::vector<MetricValue> alone = metric.compute(*source, decoded, options);
    size_t compared = 0;
    for (const MetricValue& v : alone) {
      for (const MetricValue& w : r.metrics) {
        if (w.name != v.name) continue;
        EXPECT_EQ(std::memcmp(&v.value, &w.value, sizeof v.value), 0)
            << v.name << " " << v.value << " " << w.value;
        EXPECT_EQ(v.per_frame.size(), w.per_frame.size()) << v.name;
        ++compared;
      }
    }
    EXPECT_EQ(compared, alone.size());
  }
  // The runner left the state in the cache, under the metric's key: nothing is made again.
  int made = 0;
  cache.prepared(0, "trajectory_error: " + metric.prepared_source_key(options, {}), [&] {
    ++made;
    return std::shared_ptr<const PreparedSource>();
  });
  EXPECT_EQ(made, 0);
  cache.release(0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tgvc
