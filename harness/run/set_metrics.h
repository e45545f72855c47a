// Per-set metrics (FVD) once every cell is done: the cells of one codec entry and rate point form
// a set across the experiment's sequences, and the metric turns their contributions into values.
#pragma once

#include <vector>

#include "harness/config/experiment.h"
#include "harness/plan/plan.h"
#include "harness/results/cell_result.h"
#include "harness/results/set_result.h"

namespace tgvc {

// One SetResult per per-set metric of `e` and per (codec, rate point), in config order. A set
// with a failed cell, or whose metric refuses the contributions, is n/a with the reason: a value
// over part of a set would not be comparable. `results[i]` is the result of `cells[i]`.
std::vector<SetResult> compute_set_metrics(const Experiment& e, const std::vector<Cell>& cells,
                                           const std::vector<CellResult>& results);

}  // namespace tgvc
