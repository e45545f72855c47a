#include "harness/run/run_experiment.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/core/progress.h"
#include "harness/core/sha256.h"
#include "harness/plan/plan.h"
#include "harness/results/cell_json.h"
#include "harness/results/csv_tables.h"
#include "harness/results/results_json.h"
#include "harness/results/run_results.h"
#include "harness/run/cell_key.h"
#include "harness/run/cell_runner.h"
#include "harness/run/provenance.h"
#include "harness/run/sequence_cache.h"
#include "harness/run/set_metrics.h"
#include "reports/html_report.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

// A stored result that can stand for the cell: finished, same inputs. Anything unreadable is
// treated as absent and the cell runs again.
std::optional<CellResult> reusable_result(const std::string& path, const std::string& inputs_hash) {
  if (!fs::exists(path)) return std::nullopt;
  try {
    CellResult stored = cell_from_json(nlohmann::json::parse(read_file(path)), path);
    if (stored.ok() && stored.inputs_hash == inputs_hash) return stored;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

// A killed run can leave the temporaries of atomic writes behind; they are never results.
void remove_stale_temporaries(const fs::path& cells) {
  for (const auto& entry : fs::directory_iterator(cells)) {
    if (entry.path().filename().string().find(".json.tmp.") != std::string::npos) fs::remove(entry.path());
  }
}

HtmlReportOptions report_options(const Experiment& e) {
  HtmlReportOptions options;
  options.anchor = e.report.anchor;
  options.bd_method = e.report.bd_method;
  options.paper_points_csv = e.report.paper_points;
  options.metrics = e.report.metrics;
  return options;
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
  const auto start = std::chrono::steady_clock::now();
  const std::string started_utc = utc_now_iso8601();
  RunOutcome summary;
  summary.output_dir = options.output.empty() ? e.output : options.output;
  const int jobs = options.jobs > 0 ? options.jobs : e.jobs;
  const fs::path dir(summary.output_dir);
  std::error_code ec;
  fs::create_directories(dir / "cells", ec);
  if (!ec) fs::create_directories(dir / "sources", ec);
  if (ec) throw Error("cannot create run directory " + (dir / "cells").string() + ": " + ec.message());
  write_file_atomically((dir / "config.yaml").string(), e.config_text);
  remove_stale_temporaries(dir / "cells");

  const std::vector<Cell> cells = make_plan(e);
  summary.cells = static_cast<int>(cells.size());
  std::vector<std::optional<CellResult>> results(cells.size());
  std::vector<std::string> hashes(cells.size());
  std::vector<int> uses(e.sequences.size(), 0);
  std::vector<size_t> pending;
  for (size_t i = 0; i < cells.size(); ++i) {
    hashes[i] = cell_inputs_hash(e, cells[i]);
    results[i] = reusable_result((dir / "cells" / (cells[i].id + ".json")).string(), hashes[i]);
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
    write_file_atomically((dir / "cells" / (cells[i].id + ".json")).string(), cell_to_json(r).dump(1) + "\n");
    progress.cell_done(!r.ok(), cells[i].id);
    results[i] = std::move(r);
  });
  progress.finish();

  std::vector<CellResult> all;
  for (auto& r : results) {
    summary.failed += r->ok() ? 0 : 1;
    all.push_back(std::move(*r));
  }
  const std::vector<SetResult> sets = compute_set_metrics(e, cells, all);
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
  p.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  write_file_atomically((dir / "results.csv").string(), results_csv(all));
  write_file_atomically((dir / "frames.csv").string(), frames_csv(all));
  if (!sets.empty()) write_file_atomically((dir / "sets.csv").string(), sets_csv(sets));
  write_file_atomically((dir / "results.json").string(), results_json(e.name, p, all, sets));
  // The report is built from the results file alone, exactly as `tgvc-bench report` rebuilds it.
  write_html_report(load_run_results(summary.output_dir), report_options(e), (dir / "report.html").string());
  summary.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace tgvc
