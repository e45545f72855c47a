// What `run --executor slurm` submitted for a run directory, kept as RUN_DIR/slurm/submission.json:
// the job ids, the cells each array task runs, and the config's own path (relative paths in
// RUN_DIR/config.yaml are resolved against it). Tasks, finalize, status, cancel and the next
// submission read it.
#pragma once

#include <string>
#include <vector>

#include "harness/config/experiment.h"

namespace tgvc {

struct SlurmArray {
  std::string job_id;                      // empty until submitted
  bool gpu = false;                        // its tasks request executor.gpus_per_task GPUs
  std::vector<std::vector<size_t>> tasks;  // array task t runs the plan's cells tasks[t]
};

struct SlurmSubmission {
  std::string config_path;  // absolute
  std::string submitted_utc;
  double submitted_unix_s = 0;
  int cells = 0;
  int reused = 0;  // done before this submission
  std::string tool_version;
  std::string git_commit;
  std::string command_line;
  std::vector<SlurmArray> arrays;
  std::string finalize_job_id;

  // Every job id, the arrays' then the finalize job's.
  std::vector<std::string> job_ids() const;
};

// RUN_DIR/slurm.
std::string slurm_dir(const std::string& run_dir);

void write_submission(const std::string& run_dir, const SlurmSubmission& submission);
// Throws InputError naming the file when the run directory has no readable submission.
SlurmSubmission read_submission(const std::string& run_dir);
bool has_submission(const std::string& run_dir);

// The experiment of a submitted run: RUN_DIR/config.yaml read as if it lay at config_path.
Experiment load_submitted_experiment(const std::string& run_dir, const SlurmSubmission& submission);

}  // namespace tgvc
