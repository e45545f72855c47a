// The job scripts `run --executor slurm` submits (and `--dry-run` prints): one job array whose
// task t runs `tgvc-bench run-cell RUN_DIR` on its cells, and the finalize job. Resources are
// #SBATCH lines from the config's `executor:` section, so a script says everything it asks for.
#pragma once

#include <string>
#include <vector>

#include "harness/config/experiment.h"
#include "harness/plan/plan.h"

namespace tgvc {

// The rule for which cells ask for a GPU: a cell needs one when its codec's parameters or one of
// the experiment's metrics' options set a key named `device`, or ending in `-device`, to `cuda`
// (or `cuda:N`): T-GVC's `diffusion-device`, the learned metrics' `device`.
bool cell_needs_gpu(const Experiment& e, const Cell& cell);

// `cells` (plan indices) as array tasks of `per_task` consecutive cells, or of ceil(n / max_tasks)
// when that many would make more tasks than the cluster's MaxArraySize allows.
std::vector<std::vector<size_t>> chunk_cells(const std::vector<size_t>& cells, int max_tasks,
                                             int per_task = 1);

// The array's script: #SBATCH lines, then task $SLURM_ARRAY_TASK_ID runs its line of the cells.
std::string cells_script(const Experiment& e, const std::string& tgvc_bench, const std::string& run_dir,
                         const std::vector<std::vector<size_t>>& tasks, bool gpu);

// The finalize job's script: `tgvc-bench finalize RUN_DIR` (per-set metrics, results, report).
std::string finalize_script(const Experiment& e, const std::string& tgvc_bench, const std::string& run_dir);

// `text` as one bash word (single-quoted).
std::string shell_quoted(const std::string& text);

}  // namespace tgvc
