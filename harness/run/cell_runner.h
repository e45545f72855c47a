// Runs one cell: encode, decode, check, measure, and save the stills the report shows (the
// decoded middle frame as RUN_DIR/cells/<id>.png; the source's, once per load, as
// RUN_DIR/sources/<dataset>__<sequence>.png). Never throws: a failure becomes a result row.
#pragma once

#include "harness/config/experiment.h"
#include "harness/plan/plan.h"
#include "harness/run/sequence_cache.h"
#include "reports/cell_result.h"

namespace tgvc {

CellResult run_cell(const Experiment& experiment, const Cell& cell, SequenceCache& cache,
                    const std::string& inputs_hash, const std::string& run_dir);

// Where the report finds a sequence's source still.
std::string source_still_path(const std::string& run_dir, const SequenceSpec& sequence);

}  // namespace tgvc
