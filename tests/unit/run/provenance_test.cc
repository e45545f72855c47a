// results.json's provenance names every registered metric with its version, the per-set ones too,
// and says which cells the run computed, read from the shared cache or kept from an earlier run.
#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "harness/metrics/registry.h"
#include "harness/results/run_results.h"
#include "harness/run/provenance.h"
#include "harness/run/run_experiment.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

TEST(Provenance, ListsEveryMetricsVersionPerSetIncluded) {
  const std::map<std::string, std::string> versions = library_versions();
  for (const MetricEntry& m : all_metrics()) {
    const auto it = versions.find("metric:" + m.descriptor->id);
    ASSERT_NE(it, versions.end()) << m.descriptor->id;
    EXPECT_EQ(it->second, m.descriptor->version);
  }
  ASSERT_EQ(versions.count("metric:fvd"), 1u);
  EXPECT_EQ(versions.at("metric:fvd"), "1");
  EXPECT_EQ(versions.at("metric:trajectory_error"), "2 (tracker dense-flow 1)");
}

// Two synthetic scenes x raw at two levels: four cells, four bitstreams.
const char* kConfig = R"(experiment: origins
frames: {count: 3}
datasets:
  - synthetic: {name: a, width: 32, height: 32, seed: 1}
  - synthetic: {name: b, width: 32, height: 32, seed: 2}
codecs:
  - {name: NAME, type: raw, sweep: {level: [0, 1]}}
metrics: [psnr]
jobs: 2
)";

Experiment experiment_named(const std::string& entry) {
  std::string text = kConfig;
  text.replace(text.find("NAME"), 4, entry);
  return parse_experiment(text, "origins.yaml");
}

TEST(Provenance, SaysWhichCellsTheRunComputedAndWhichItReadFromTheCache) {
  const fs::path dir = fs::temp_directory_path() / ("tgvc_provenance_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  RunOptions options;
  options.quiet = true;
  options.cache = (dir / "cache").string();
  options.output = (dir / "first").string();
  run_experiment(experiment_named("raw"), options);
  const Provenance first = load_run_results(options.output).provenance;
  EXPECT_EQ(first.cells_computed, 4);
  EXPECT_EQ(first.cells_from_cache, 0);
  EXPECT_EQ(first.bitstreams_from_cache, 0);
  EXPECT_EQ(first.cache_dir, options.cache);

  // The same cells in another run directory: every one read from the cache.
  options.output = (dir / "second").string();
  const RunOutcome outcome = run_experiment(experiment_named("raw"), options);
  EXPECT_EQ(outcome.from_cache, 4);
  const Provenance second = load_run_results(options.output).provenance;
  EXPECT_EQ(second.cells_from_cache, 4);
  EXPECT_EQ(second.cells_computed, 0);
  EXPECT_EQ(second.cells_reused, 0);
  EXPECT_EQ(second.cache_dir, options.cache);

  // Renamed, the entry's cells are new, but its bitstreams (keyed by the encoder's inputs) are not.
  options.output = (dir / "renamed").string();
  run_experiment(experiment_named("raw2"), options);
  const Provenance renamed = load_run_results(options.output).provenance;
  EXPECT_EQ(renamed.cells_computed, 4);
  EXPECT_EQ(renamed.cells_from_cache, 0);
  EXPECT_EQ(renamed.bitstreams_from_cache, 4);

  // A rerun in place keeps its cells; without a cache it names none.
  options.cache.clear();
  const RunOutcome rerun = run_experiment(experiment_named("raw2"), options);
  EXPECT_EQ(rerun.reused, 4);
  const Provenance kept = load_run_results(options.output).provenance;
  EXPECT_EQ(kept.cells_reused, 4);
  EXPECT_EQ(kept.cells_computed + kept.cells_from_cache + kept.bitstreams_from_cache, 0);
  EXPECT_EQ(kept.cache_dir, "");
  fs::remove_all(dir);
}

// The rule restated on results made by hand, a Slurm task's missing cell among them.
TEST(Provenance, CountsEachResultByWhereItCameFrom) {
  const Experiment e = experiment_named("raw");
  std::vector<CellResult> results(6);
  results[0].timing.result_from = "cache";  // kept from an earlier run that read it from the cache
  results[1].timing.result_from = "cache";
  results[2].timing.encode_from = "cache";
  results[3].timing.encode_from = "run";
  results[4].status = CellOutcome::kFailed;  // computed, failed in encode
  results[4].stage = FailedStage::kEncode;
  results[5].status = CellOutcome::kFailed;  // its task left no result
  results[5].stage = FailedStage::kTask;
  RunFacts facts;
  facts.cache_dir = "relative/../cache";
  facts.jobs = 3;
  const Provenance p = run_provenance(e, facts, results, {true, false, false, false, false, false});
  EXPECT_EQ(p.cells_reused, 1);
  EXPECT_EQ(p.cells_from_cache, 1);
  EXPECT_EQ(p.cells_computed, 3);
  EXPECT_EQ(p.bitstreams_from_cache, 1);
  EXPECT_EQ(p.cache_dir, (fs::current_path() / "cache").string());
  EXPECT_EQ(p.jobs, 3);
  EXPECT_EQ(p.config_path, "origins.yaml");
  EXPECT_EQ(p.config_sha256.size(), 64u);
}

}  // namespace
}  // namespace tgvc
