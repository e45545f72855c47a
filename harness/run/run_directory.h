// The run directory both executors share: config.yaml, cells/<id>.json (one per cell, written
// atomically), sources/ and the results files. A stored cell with the same inputs is reused.
#pragma once

#include <optional>
#include <string>

#include "harness/config/experiment.h"
#include "harness/plan/plan.h"
#include "harness/results/cell_result.h"

namespace tgvc {

// Creates DIR/cells and DIR/sources, writes DIR/config.yaml and removes the temporaries a killed
// writer left in cells/. Throws Error when the directory cannot be written.
void prepare_run_directory(const Experiment& e, const std::string& dir);

// DIR/cells/<id>.json.
std::string cell_file(const std::string& dir, const Cell& cell);

// The stored result of a cell, ok or failed; nullopt when absent, unreadable or stored for other
// inputs (then the cell runs again).
std::optional<CellResult> stored_result(const std::string& path, const std::string& inputs_hash);

// A stored result that can stand for the cell: finished without error, same inputs.
std::optional<CellResult> reusable_result(const std::string& path, const std::string& inputs_hash);

}  // namespace tgvc
