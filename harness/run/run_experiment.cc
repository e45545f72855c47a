#include "harness/run/run_experiment.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/core/progress.h"
#include "harness/plan/plan.h"
#include "harness/results/cell_json.h"
#include "harness/run/bitstream_store.h"
#include "harness/run/cell_cache.h"
#include "harness/run/cell_key.h"
#include "harness/run/cell_runner.h"
#include "harness/run/finalize_run.h"
#include "harness/run/provenance.h"
#include "harness/run/run_directory.h"
#include "harness/run/sequence_cache.h"
#include "reports/still_frame.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The shared cache's result for the cell, its stills copied into the run directory, or nothing.
// It stands for this cell only with this run's names (the key holds the entry's name, not its
// rate point's label) and when this run's report would show the same still.
std::optional<CellResult> result_from_cache(const Experiment& e, const Cell& cell, const CellCache& shared,
                                            const std::string& key, const std::string& run_dir) {
  std::optional<CachedCell> cached = shared.find_cell(key);
  if (!cached) return std::nullopt;
  CellResult& r = cached->result;
  if (pick_still_frame(e, r) != std::make_pair(r.still_frame, r.still_metric)) return std::nullopt;
  r.cell_id = cell.id;
  r.rate_point = e.codecs[cell.codec].rate_points[cell.rate_point].label;
  r.timing.result_from = "cache";
  try {
    write_file_atomically(run_dir + "/cells/" + cell.id + ".png", read_file(cached->decoded_png));
    write_file_atomically(run_dir + "/" + still_source_file(r.dataset, r.sequence, r.still_frame),
                          read_file(cached->source_png));
  } catch (const InputError&) {
    return std::nullopt;  // pruned while read: compute it
  }
  return r;
}

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
  const auto start = Clock::now();
  const std::string started_utc = utc_now_iso8601();
  RunOutcome summary;
  summary.output_dir = options.output.empty() ? e.output : options.output;
  const int jobs = options.jobs > 0 ? options.jobs : e.jobs;
  summary.jobs = jobs;
  const std::string cache_dir = options.cache.empty() ? e.cache : options.cache;
  const fs::path dir(summary.output_dir);
  prepare_run_directory(e, summary.output_dir);
  std::optional<CellCache> shared;
  if (!cache_dir.empty()) shared.emplace(cache_dir);

  const std::vector<Cell> cells = make_plan(e);
  summary.cells = static_cast<int>(cells.size());
  std::vector<std::optional<CellResult>> results(cells.size());
  std::vector<std::string> hashes(cells.size());
  std::vector<std::string> bitstream_keys(cells.size());
  std::vector<int> uses(e.sequences.size(), 0);
  std::map<std::string, int> bitstream_uses;
  std::vector<size_t> pending;
  std::vector<bool> reused(cells.size(), false);
  for (size_t i = 0; i < cells.size(); ++i) {
    hashes[i] = cell_inputs_hash(e, cells[i]);
    results[i] = reusable_result(cell_file(summary.output_dir, cells[i]), hashes[i]);
    if (results[i]) {
      reused[i] = true;
      ++summary.reused;
    } else {
      pending.push_back(i);
      ++uses[cells[i].sequence];
      bitstream_keys[i] = encoder_inputs_hash(e, cells[i]);
      ++bitstream_uses[bitstream_keys[i]];
    }
  }

  SequenceCache cache(e, uses);
  BitstreamStore bitstreams(std::move(bitstream_uses), shared ? &*shared : nullptr);
  std::mutex totals_mutex;
  Progress progress(summary.cells, summary.reused, options.quiet ? nullptr : stderr);
  // One cell on a worker: from the shared cache, or computed (and then stored there). Returns
  // false, having done nothing, when `wait` is false and another process is computing the cell.
  const auto do_cell = [&](size_t i, bool wait) {
    const auto cell_start = Clock::now();
    const std::string result_path = cell_file(summary.output_dir, cells[i]);
    CellWork work;
    std::optional<CellResult> r;
    CacheClaim claim;
    double claim_wait_s = 0;  // another process computing the cell: idle, not harness time
    if (shared) {
      r = result_from_cache(e, cells[i], *shared, hashes[i], summary.output_dir);
      if (!r) {
        const auto claim_start = Clock::now();
        try {
          claim = wait ? shared->claim("cell-" + hashes[i]) : shared->try_claim("cell-" + hashes[i]);
        } catch (const Error&) {
          wait = true;  // no lock file can be made: compute the cell unclaimed rather than not at all
        }
        claim_wait_s = seconds_since(claim_start);
        if (!claim.held() && !wait) return false;
        // Finished while this process waited for the claim, or before it looked.
        r = result_from_cache(e, cells[i], *shared, hashes[i], summary.output_dir);
      }
    }
    if (r) {
      cache.release(cells[i].sequence);
      bitstreams.release(bitstream_keys[i]);
    } else {
      r = run_cell(e, cells[i], cache, bitstreams, bitstream_keys[i], hashes[i], summary.output_dir, &work);
      if (shared && r->ok()) {
        // The cache saves work; failing to fill it (a full disk, a source still another cell of
        // this run is still writing) costs only a later recomputation, never this cell.
        try {
          shared->store_cell(hashes[i], *r, (dir / "cells" / (cells[i].id + ".png")).string(),
                             (dir / still_source_file(r->dataset, r->sequence, r->still_frame)).string(),
                             bitstream_keys[i]);
        } catch (const std::exception&) {
        }
      }
    }
    claim = CacheClaim();
    write_file_atomically(result_path, cell_to_json(*r).dump(1) + "\n");
    const bool from_cache = !r->timing.result_from.empty();
    progress.cell_done(!r->ok(), from_cache ? cells[i].id + " (from the cache)" : cells[i].id);
    {
      std::lock_guard<std::mutex> lock(totals_mutex);
      summary.from_cache += from_cache ? 1 : 0;
      summary.shared_encodes += r->timing.encode_from.empty() || from_cache ? 0 : 1;
      summary.load_s += work.load_s;
      summary.codec_s += work.codec_s;
      summary.metrics_s += work.metrics_s;
      summary.cells_s += seconds_since(cell_start) - claim_wait_s;
    }
    results[i] = std::move(*r);
    return true;
  };
  std::vector<size_t> claimed_elsewhere;
  std::mutex claimed_mutex;
  summary.serial_s = seconds_since(start);
  const auto pool_start = Clock::now();
  run_parallel(pending.size(), jobs, [&](size_t k) {
    if (do_cell(pending[k], false)) return;
    std::lock_guard<std::mutex> lock(claimed_mutex);
    claimed_elsewhere.push_back(pending[k]);
  });
  // Cells another process was computing: by now most are in the cache; wait for the others.
  run_parallel(claimed_elsewhere.size(), jobs, [&](size_t k) { do_cell(claimed_elsewhere[k], true); });
  summary.pool_wall_s = seconds_since(pool_start);
  progress.finish();
  const auto finalize_start = Clock::now();
  summary.encodes = bitstreams.encodes();

  std::vector<CellResult> all;
  for (auto& r : results) {
    summary.failed += r->ok() ? 0 : 1;
    all.push_back(std::move(*r));
  }
  RunFacts facts;
  facts.tool_version = options.tool_version;
  facts.git_commit = options.git_commit;
  facts.command_line = options.command_line;
  facts.started_utc = started_utc;
  facts.jobs = jobs;
  facts.cache_dir = cache_dir;
  const Provenance p = run_provenance(e, facts, all, reused);
  finalize_run(
      e, cells, all, p, [&] { return seconds_since(start); }, summary.output_dir);
  summary.serial_s += seconds_since(finalize_start);
  summary.wall_s = seconds_since(start);
  return summary;
}

}  // namespace tgvc
