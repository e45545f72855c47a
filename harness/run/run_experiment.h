// Runs an experiment into its run directory: config.yaml, cells/, results.csv, frames.csv and
// results.json. Finished cells with the same inputs are reused, so a killed run resumes.
#pragma once

#include <string>

#include "harness/config/experiment.h"

namespace tgvc {

struct RunOptions {
  int jobs = 0;        // 0: the config's `jobs`
  std::string output;  // empty: the config's `output`
  std::string tool_version;
  std::string git_commit;
  std::string command_line;
  bool quiet = false;  // no progress lines
};

struct RunOutcome {
  std::string output_dir;
  int cells = 0;
  int reused = 0;  // finished in an earlier run with the same inputs
  int failed = 0;
  // Seconds, summed over the cells run now (reused cells excluded), and the run's wall time.
  double wall_s = 0;
  double load_s = 0;
  double codec_s = 0;  // encode + decode
  double metrics_s = 0;
};

// Throws Error when the run directory cannot be written; a failing cell does not throw.
RunOutcome run_experiment(const Experiment& experiment, const RunOptions& options);

}  // namespace tgvc
