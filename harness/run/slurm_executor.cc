#include "harness/run/slurm_executor.h"

#include <chrono>
#include <filesystem>

#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/core/subprocess.h"
#include "harness/plan/plan.h"
#include "harness/run/cell_key.h"
#include "harness/run/finalize_run.h"
#include "harness/run/provenance.h"
#include "harness/run/run_directory.h"
#include "harness/run/slurm_client.h"
#include "harness/run/slurm_script.h"
#include "harness/run/slurm_submission.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

double unix_now_s() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// A dry run also shows the scripts where no cluster answers: with Slurm's default limit.
int array_size_limit(bool dry_run) {
  if (!dry_run) return slurm_max_array_size();
  try {
    return slurm_max_array_size();
  } catch (const Error&) {
    return 1001;
  }
}

}  // namespace

std::vector<std::string> live_submission(const std::string& run_dir) {
  if (!has_submission(run_dir)) return {};
  std::vector<std::string> ids = read_submission(run_dir).job_ids();
  if (slurm_queue(ids).empty()) return {};
  return ids;
}

Error submission_still_running(const std::string& run_dir, const std::vector<std::string>& job_ids) {
  return Error("the jobs of the last submission to " + run_dir + " (" + join_job_ids(job_ids) +
               ") are still queued or running: wait for them, or run tgvc-bench cancel " + run_dir);
}

SlurmSubmitted submit_to_slurm(const Experiment& e, const SlurmRunOptions& options) {
  SlurmSubmitted out;
  // Jobs run elsewhere: every path they are given is absolute.
  out.output_dir =
      fs::absolute(options.output.empty() ? e.output : options.output).lexically_normal().string();
  const std::string& dir = out.output_dir;
  if (!options.dry_run) {
    // A new submission while the last one still runs would run cells twice and finalize twice.
    if (const std::vector<std::string> live = live_submission(dir); !live.empty())
      throw submission_still_running(dir, live);
    prepare_run_directory(e, dir);
  }

  const std::vector<Cell> cells = make_plan(e);
  out.cells = static_cast<int>(cells.size());
  std::vector<size_t> cpu_cells, gpu_cells;
  for (size_t i = 0; i < cells.size(); ++i) {
    const std::string file = cell_file(dir, cells[i]);
    if (reusable_result(file, cell_inputs_hash(e, cells[i]))) {
      ++out.reused;
      continue;
    }
    // A failed or outdated result must not be read as this submission's.
    if (!options.dry_run) fs::remove(file);
    (cell_needs_gpu(e, cells[i]) ? gpu_cells : cpu_cells).push_back(i);
  }
  out.submitted = static_cast<int>(cpu_cells.size() + gpu_cells.size());

  SlurmSubmission submission;
  submission.config_path = fs::absolute(e.config_path).lexically_normal().string();
  submission.submitted_utc = utc_now_iso8601();
  submission.submitted_unix_s = unix_now_s();
  submission.cells = out.cells;
  submission.reused = out.reused;
  submission.tool_version = options.tool_version;
  submission.git_commit = options.git_commit;
  submission.command_line = options.command_line;
  const int max_tasks = array_size_limit(options.dry_run);
  for (bool gpu : {false, true}) {
    const std::vector<size_t>& of_kind = gpu ? gpu_cells : cpu_cells;
    if (of_kind.empty()) continue;
    SlurmArray array;
    array.gpu = gpu;
    array.tasks = chunk_cells(of_kind, max_tasks, e.executor.cells_per_task);
    submission.arrays.push_back(std::move(array));
  }

  const std::string tgvc_bench = this_executable();
  const fs::path slurm = slurm_dir(dir);
  if (!options.dry_run) {
    fs::create_directories(slurm / "logs");  // sbatch's --output into a missing folder fails the task
    fs::remove(slurm / "finalized");
    // The tasks read the config's path from here, so it is written before any job can start.
    write_submission(dir, submission);
  }
  for (SlurmArray& array : submission.arrays) {
    const std::string script = cells_script(e, tgvc_bench, dir, array.tasks, array.gpu);
    out.scripts.push_back(script);
    if (options.dry_run) continue;
    const std::string file = (slurm / (array.gpu ? "cells-gpu.sbatch" : "cells.sbatch")).string();
    write_file_atomically(file, script);
    array.job_id = slurm_submit({}, file);
    out.array_job_ids.push_back(array.job_id);
  }
  const std::string script = finalize_script(e, tgvc_bench, dir);
  out.scripts.push_back(script);
  if (options.dry_run) return out;
  const std::string file = (slurm / "finalize.sbatch").string();
  write_file_atomically(file, script);
  std::vector<std::string> args;
  if (!out.array_job_ids.empty())
    args.push_back("--dependency=afterany:" + join_job_ids(out.array_job_ids, ':'));
  try {
    submission.finalize_job_id = slurm_submit(args, file);
  } catch (const Error&) {
    slurm_cancel(out.array_job_ids);  // no array without the job that collects it
    throw;
  }
  out.finalize_job_id = submission.finalize_job_id;
  write_submission(dir, submission);
  return out;
}

int finalize_submitted_run(const std::string& run_dir, const std::string& job_id) {
  const SlurmSubmission submission = read_submission(run_dir);
  const Experiment e = load_submitted_experiment(run_dir, submission);
  const std::vector<Cell> cells = make_plan(e);
  std::vector<CellResult> results;
  int failed = 0;
  for (const Cell& cell : cells) {
    const std::string hash = cell_inputs_hash(e, cell);
    std::optional<CellResult> stored = stored_result(cell_file(run_dir, cell), hash);
    if (!stored) {
      stored = missing_cell_result(e, cell, hash,
                                   "its Slurm task ended without writing a result (cancelled, over its time "
                                   "limit or a failed node); run the same command again to resubmit it");
    }
    failed += stored->ok() ? 0 : 1;
    results.push_back(std::move(*stored));
  }
  // A cell in none of the submission's tasks was done before it.
  std::vector<bool> reused(cells.size(), true);
  for (const SlurmArray& array : submission.arrays) {
    for (const std::vector<size_t>& task : array.tasks) {
      for (size_t i : task) {
        if (i < reused.size()) reused[i] = false;
      }
    }
  }
  RunFacts facts;
  facts.tool_version = submission.tool_version;
  facts.git_commit = submission.git_commit;
  facts.command_line = submission.command_line;
  facts.started_utc = submission.submitted_utc;
  facts.jobs = e.executor.cpus_per_task;
  facts.cache_dir = e.cache;  // the tasks share bitstreams through it
  const Provenance p = run_provenance(e, facts, results, reused);
  finalize_run(
      e, cells, results, p, [&] { return unix_now_s() - submission.submitted_unix_s; }, run_dir);
  // What `run --wait` checks: this submission's finalize job, not an earlier one, wrote the files.
  write_file_atomically((fs::path(slurm_dir(run_dir)) / "finalized").string(), job_id + "\n");
  return failed;
}

std::string finalized_by(const std::string& run_dir) {
  const fs::path file = fs::path(slurm_dir(run_dir)) / "finalized";
  if (!fs::exists(file)) return {};
  std::string id = read_file(file.string());
  while (!id.empty() && (id.back() == '\n' || id.back() == ' ')) id.pop_back();
  return id;
}

}  // namespace tgvc
