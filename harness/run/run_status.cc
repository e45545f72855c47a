#include "harness/run/run_status.h"

#include <fmt/format.h>

#include "harness/run/cell_key.h"
#include "harness/run/run_directory.h"
#include "harness/run/slurm_client.h"

namespace tgvc {

RunStatusTracker::RunStatusTracker(const std::string& run_dir)
    : run_dir_(run_dir),
      submission_(read_submission(run_dir)),
      experiment_(load_submitted_experiment(run_dir, submission_)),
      cells_(make_plan(experiment_)) {
  hashes_.resize(cells_.size());
  for (size_t i = 0; i < cells_.size(); ++i) hashes_[i] = cell_inputs_hash(experiment_, cells_[i]);
  task_of_cell_.assign(cells_.size(), "");
  finished_.assign(cells_.size(), false);
  for (const SlurmArray& array : submission_.arrays) {
    for (size_t t = 0; t < array.tasks.size(); ++t) {
      for (size_t i : array.tasks[t]) {
        if (i < cells_.size()) task_of_cell_[i] = array.job_id + "_" + std::to_string(t);
      }
    }
  }
}

RunStatus RunStatusTracker::update() {
  RunStatus s;
  // The queue first: a cell whose task leaves the queue between the two reads then has its file.
  const std::map<std::string, std::string> queue = slurm_queue(submission_.job_ids());
  s.jobs_queued = !queue.empty();
  s.finalize_queued = queue.count(submission_.finalize_job_id) != 0;
  for (size_t i = 0; i < cells_.size(); ++i) {
    if (!finished_[i]) {
      if (const auto stored = stored_result(cell_file(run_dir_, cells_[i]), hashes_[i])) {
        finished_[i] = true;
        if (!stored->ok()) finished_failed_[i] = {cells_[i].id, to_string(stored->stage), stored->error};
      }
    }
    if (finished_[i]) {
      const auto failed = finished_failed_.find(i);
      if (failed == finished_failed_.end()) {
        ++s.done;
      } else {
        ++s.failed;
        s.failures.push_back(failed->second);
      }
      continue;
    }
    const auto task = queue.find(task_of_cell_[i]);
    if (task == queue.end()) {
      ++s.missing;
      s.missing_cells.push_back(cells_[i].id);
    } else if (task->second == "PENDING") {
      ++s.pending;
    } else {
      ++s.running;  // RUNNING, CONFIGURING, COMPLETING, SUSPENDED: started, no result yet
    }
  }
  return s;
}

std::string describe(const RunStatus& s) {
  return fmt::format("{} done, {} failed, {} running, {} pending, {} missing", s.done, s.failed, s.running,
                     s.pending, s.missing);
}

}  // namespace tgvc
