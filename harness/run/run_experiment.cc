#include "harness/run/run_experiment.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "harness/core/atomic_file.h"
#include "harness/core/progress.h"
#include "harness/core/sha256.h"
#include "harness/plan/plan.h"
#include "harness/results/cell_json.h"
#include "harness/run/cell_key.h"
#include "harness/run/cell_runner.h"
#include "harness/run/finalize_run.h"
#include "harness/run/provenance.h"
#include "harness/run/run_directory.h"
#include "harness/run/sequence_cache.h"

namespace tgvc {
namespace {

// Runs task(i) for i in [0, count) on `jobs` threads.
template <typename Task>
void run_parallel(size_t count, int jobs, Task task) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < count; i = next++) task(i);
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();
}

}  // namespace

RunOutcome run_experiment(const Experiment& e, const RunOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const std::string started_utc = utc_now_iso8601();
  RunOutcome summary;
  summary.output_dir = options.output.empty() ? e.output : options.output;
  const int jobs = options.jobs > 0 ? options.jobs : e.jobs;
  prepare_run_directory(e, summary.output_dir);

  const std::vector<Cell> cells = make_plan(e);
  summary.cells = static_cast<int>(cells.size());
  std::vector<std::optional<CellResult>> results(cells.size());
  std::vector<std::string> hashes(cells.size());
  std::vector<int> uses(e.sequences.size(), 0);
  std::vector<size_t> pending;
  for (size_t i = 0; i < cells.size(); ++i) {
    hashes[i] = cell_inputs_hash(e, cells[i]);
    results[i] = reusable_result(cell_file(summary.output_dir, cells[i]), hashes[i]);
    if (results[i]) {
      ++summary.reused;
    } else {
      pending.push_back(i);
      ++uses[cells[i].sequence];
    }
  }

  SequenceCache cache(e, uses);
  std::mutex totals_mutex;
  Progress progress(summary.cells, summary.reused, options.quiet ? nullptr : stderr);
  run_parallel(pending.size(), jobs, [&](size_t k) {
    const size_t i = pending[k];
    CellResult r = run_cell(e, cells[i], cache, hashes[i], summary.output_dir);
    {
      std::lock_guard<std::mutex> lock(totals_mutex);
      summary.load_s += r.timing.load_s;
      summary.codec_s += r.timing.encode_s + r.timing.decode_s;
      summary.metrics_s += r.timing.metrics_s;
    }
    write_file_atomically(cell_file(summary.output_dir, cells[i]), cell_to_json(r).dump(1) + "\n");
    progress.cell_done(!r.ok(), cells[i].id);
    results[i] = std::move(r);
  });
  progress.finish();

  std::vector<CellResult> all;
  for (auto& r : results) {
    summary.failed += r->ok() ? 0 : 1;
    all.push_back(std::move(*r));
  }
  Provenance p;
  p.tool_version = options.tool_version;
  p.git_commit = options.git_commit;
  p.config_path = e.config_path;
  p.config_sha256 = sha256_hex(e.config_text);
  p.host = host_name();
  p.started_utc = started_utc;
  p.jobs = jobs;
  p.cells_reused = summary.reused;
  p.command_line = options.command_line;
  p.libraries = library_versions();
  finalize_run(
      e, cells, all, p,
      [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); },
      summary.output_dir);
  summary.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace tgvc
