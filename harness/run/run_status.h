// Where each cell of a submitted run stands (`tgvc-bench status`, `run --wait`): its cell file is
// the truth for done and failed, never the scheduler's exit code (a task whose process tracking
// failed can be COMPLETED with exit 0 and have run nothing); the queue says pending or running;
// a cell with neither is missing.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "harness/config/experiment.h"
#include "harness/plan/plan.h"
#include "harness/run/slurm_submission.h"

namespace tgvc {

enum class CellState { kDone, kFailed, kRunning, kPending, kMissing };

struct FailedCell {
  std::string cell_id;
  std::string stage;
  std::string error;
};

struct RunStatus {
  int done = 0;
  int failed = 0;
  int running = 0;
  int pending = 0;
  int missing = 0;
  std::vector<FailedCell> failures;
  std::vector<std::string> missing_cells;
  bool jobs_queued = false;  // some job of the submission is still in the queue
  bool finalize_queued = false;
};

// Follows one submitted run; each update() reads only the cell files not yet seen finished.
class RunStatusTracker {
 public:
  explicit RunStatusTracker(const std::string& run_dir);
  RunStatus update();
  const SlurmSubmission& submission() const { return submission_; }

 private:
  std::string run_dir_;
  SlurmSubmission submission_;
  Experiment experiment_;
  std::vector<Cell> cells_;
  std::vector<std::string> hashes_;
  std::vector<std::string> task_of_cell_;  // "JOB_TASK" of the submission's array task, or ""
  std::map<size_t, FailedCell> finished_failed_;
  std::vector<bool> finished_;
};

// "12 done, 1 failed, 2 running, 3 pending, 0 missing".
std::string describe(const RunStatus& status);

}  // namespace tgvc
