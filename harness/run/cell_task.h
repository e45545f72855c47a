// What one scheduler task does (`tgvc-bench run-cell RUN_DIR INDEX...`): runs the named cells of
// the plan into the run directory, each result written to its cell file as soon as it is done.
// The cell file is the task's own status: a task that ends without one failed.
#pragma once

#include <string>
#include <vector>

#include "harness/config/experiment.h"

namespace tgvc {

struct CellTaskOutcome {
  int run = 0;
  int reused = 0;  // already done with the same inputs (a task rerun after a requeue)
  int failed = 0;
};

// `indices` index make_plan(e); each must be below its size (InputError otherwise).
CellTaskOutcome run_cell_task(const Experiment& e, const std::string& run_dir,
                              const std::vector<size_t>& indices, int threads);

}  // namespace tgvc
