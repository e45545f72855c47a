// Runs one cell: encode, decode, check, measure. Never throws: a failure becomes a result row.
#pragma once

#include "harness/config/experiment.h"
#include "harness/plan/plan.h"
#include "harness/run/sequence_cache.h"
#include "reports/cell_result.h"

namespace tgvc {

CellResult run_cell(const Experiment& experiment, const Cell& cell, SequenceCache& cache,
                    const std::string& inputs_hash);

}  // namespace tgvc
