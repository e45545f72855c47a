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
  std::string cache;   // shared cell cache directory (cell_cache.h); empty: the config's `cache`
};

struct RunOutcome {
  std::string output_dir;
  int jobs = 1;
  int cells = 0;
  int reused = 0;      // finished in an earlier run with the same inputs
  int from_cache = 0;  // read from the shared cell cache
  int failed = 0;
  int encodes = 0;         // bitstreams encoded by this run
  int shared_encodes = 0;  // cells computed now that decoded a bitstream encoded elsewhere
  // The run's wall time; the serial steps before and after the cells; the cell pool's wall time;
  // and thread-seconds summed over the cells handled now (reused cells excluded): all of each
  // cell's worker time, and in it what this run spent loading sources, in codecs (encode, or the
  // wait for a shared encode, + decode) and in metrics. run_accounting.h turns them into shares.
  double wall_s = 0;
  double serial_s = 0;
  double pool_wall_s = 0;
  double cells_s = 0;
  double load_s = 0;
  double codec_s = 0;
  double metrics_s = 0;
};

// Throws Error when the run directory cannot be written; a failing cell does not throw.
RunOutcome run_experiment(const Experiment& experiment, const RunOptions& options);

}  // namespace tgvc
