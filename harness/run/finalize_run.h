// The step after the cells, shared by the local and the Slurm executor so that both write the
// same files: per-set metrics (FVD), results.csv, frames.csv, sets.csv, results.json and
// report.html.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "harness/config/experiment.h"
#include "harness/plan/plan.h"
#include "harness/results/cell_result.h"
#include "harness/results/results_json.h"

namespace tgvc {

// `results[i]` is the result of `cells[i]`. `provenance` is complete but for its wall time,
// which `wall_s` gives once the set metrics are done. Throws Error when a file cannot be written.
void finalize_run(const Experiment& e, const std::vector<Cell>& cells, const std::vector<CellResult>& results,
                  Provenance provenance, const std::function<double()>& wall_s, const std::string& dir);

// The row of a cell whose task left no result (killed, over its time limit, a failed node):
// failed at stage "task", so that the run's files still have every cell.
CellResult missing_cell_result(const Experiment& e, const Cell& cell, const std::string& inputs_hash,
                               const std::string& why);

}  // namespace tgvc
