// Runs one cell: encode, decode, check, measure, and save the stills the report shows: the decoded
// frame nearest the median of the report's first main metric (reports/still_frame.h) as
// RUN_DIR/cells/<id>.png and the source frame of the same index as RUN_DIR/still_source_file(...);
// the index goes into the result. Never throws: a failure becomes a result row.
#pragma once

#include "harness/config/experiment.h"
#include "harness/plan/plan.h"
#include "harness/results/cell_result.h"
#include "harness/run/bitstream_store.h"
#include "harness/run/sequence_cache.h"

namespace tgvc {

// Seconds this run spent on the cell's parts, for the run's time account (run_accounting.h).
// Unlike CellTiming, a bitstream another cell encoded counts as the time spent waiting for it.
struct CellWork {
  double load_s = 0;
  double codec_s = 0;
  double metrics_s = 0;
};

// The bitstream comes from `bitstreams` under `bitstream_key` (encoder_inputs_hash): encoded by
// this cell, or shared with another cell of the run or a run before it (CellTiming::encode_from).
CellResult run_cell(const Experiment& experiment, const Cell& cell, SequenceCache& cache,
                    BitstreamStore& bitstreams, const std::string& bitstream_key,
                    const std::string& inputs_hash, const std::string& run_dir, CellWork* work);

// The still frame the report rule (reports/still_frame.h) picks for a result's metric values: the
// index and metric that run_cell stores. A result read from a cache stands for this run only when
// its stored still is the one this run's `report.metrics` would pick.
std::pair<int, std::string> pick_still_frame(const Experiment& experiment, const CellResult& result);

}  // namespace tgvc
