// Experiment -> cells. A cell is one (sequence, codec, rate point); everything it needs is
// named by the cell and the experiment, and it produces exactly one result file.
#pragma once

#include <string>
#include <vector>

#include "harness/config/experiment.h"
#include "harness/core/file_names.h"

namespace tgvc {

struct Cell {
  size_t sequence = 0;    // index into Experiment::sequences
  size_t codec = 0;       // index into Experiment::codecs
  size_t rate_point = 0;  // index into CodecSpec::rate_points
  std::string id;         // unique, file-name safe: dataset__sequence__codec__ratepoint
};

// Sequence-major order, so that a sequence's source video can be freed once its cells are done.
std::vector<Cell> make_plan(const Experiment& experiment);

}  // namespace tgvc
