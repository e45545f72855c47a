// A finished run as the reports see it: read back from results.json alone.
#pragma once

#include <string>
#include <vector>

#include "harness/results/cell_result.h"
#include "harness/results/results_json.h"

namespace tgvc {

struct RunResults {
  std::string run_dir;
  std::string experiment;
  Provenance provenance;
  std::vector<CellResult> cells;
  std::vector<SetResult> sets;  // per-set metrics (FVD), one per metric, codec and rate point
};

// Reads RUN_DIR/results.json. Throws InputError naming the file when it is missing, not JSON or
// of another schema version.
RunResults load_run_results(const std::string& run_dir);

}  // namespace tgvc
