// `tgvc-bench run CONFIG --executor slurm`: plans the cells, writes the run directory (which must
// lie on a file system the nodes share), submits one job array over the cells not yet done
// (a second one for cells that need a GPU) and a finalize job that runs after them (afterany).
// Running the same command again submits only the cells that are missing or failed.
#pragma once

#include <string>
#include <vector>

#include "harness/config/experiment.h"
#include "harness/core/error.h"

namespace tgvc {

struct SlurmRunOptions {
  std::string output;  // empty: the config's `output`
  std::string tool_version;
  std::string git_commit;
  std::string command_line;
  bool dry_run = false;  // write and submit nothing; the scripts go to `SlurmSubmitted::scripts`
};

struct SlurmSubmitted {
  std::string output_dir;
  int cells = 0;
  int reused = 0;     // done with the same inputs before this submission
  int submitted = 0;  // cells in the arrays
  std::vector<std::string> array_job_ids;
  std::string finalize_job_id;
  std::vector<std::string> scripts;  // what sbatch was (or, dry, would be) given
};

// The job ids of the last Slurm submission to `run_dir` while any of them is still queued or
// running; empty when none is, or the directory has none. Throws Error when Slurm cannot be asked.
std::vector<std::string> live_submission(const std::string& run_dir);
// The refusal of a new run into `run_dir` while `job_ids` run: a new submission, or a local run,
// would run cells twice and write the results the jobs are writing.
Error submission_still_running(const std::string& run_dir, const std::vector<std::string>& job_ids);

// Throws Error when the run's earlier jobs are still queued or running (submission_still_running),
// or when sbatch refuses a script.
SlurmSubmitted submit_to_slurm(const Experiment& e, const SlurmRunOptions& options);

// `tgvc-bench finalize RUN_DIR`, the finalize job: every cell's stored result (a missing one is a
// failed row, stage "task"), then the same per-set metrics, results files and report as a local
// run; then RUN_DIR/slurm/finalized holds `job_id` (the finalize job's, which `run --wait` checks).
// Returns the number of failed cells.
int finalize_submitted_run(const std::string& run_dir, const std::string& job_id);

// The job id the last finalize wrote to RUN_DIR/slurm/finalized; empty when none has.
std::string finalized_by(const std::string& run_dir);

}  // namespace tgvc
