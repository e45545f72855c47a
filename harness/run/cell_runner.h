// Runs one cell: encode, decode, check, measure, and save the stills the report shows: the decoded
// frame nearest the median of the report's first main metric (reports/still_frame.h) as
// RUN_DIR/cells/<id>.png and the source frame of the same index as RUN_DIR/still_source_file(...);
// the index goes into the result. Never throws: a failure becomes a result row.
#pragma once

#include "harness/config/experiment.h"
#include "harness/plan/plan.h"
#include "harness/results/cell_result.h"
#include "harness/run/sequence_cache.h"

namespace tgvc {

CellResult run_cell(const Experiment& experiment, const Cell& cell, SequenceCache& cache,
                    const std::string& inputs_hash, const std::string& run_dir);

}  // namespace tgvc
