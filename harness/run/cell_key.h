// The cache key of a cell: a hash of everything that determines its result. A finished cell
// whose stored key matches is not run again.
#pragma once

#include <string>

#include "harness/config/experiment.h"
#include "harness/plan/plan.h"

namespace tgvc {

// SHA-256 over: schema version, the sequence's identity (synthetic spec, or path, size and
// modification time of the file, raw geometry), frame range, resize, codec id and version,
// every resolved parameter (with size and modification time when it names a file, such as a
// TorchScript model), and each metric's id, version and options.
std::string cell_inputs_hash(const Experiment& experiment, const Cell& cell);

}  // namespace tgvc
