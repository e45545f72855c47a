// Where a run's numbers came from: build, libraries, config, host, time, and which cells this run
// computed, read from the shared cache or kept from an earlier run.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "harness/config/experiment.h"
#include "harness/results/cell_result.h"
#include "harness/results/results_json.h"

namespace tgvc {

// What an executor knows of its run besides the experiment and the cells' results.
struct RunFacts {
  std::string tool_version;
  std::string git_commit;
  std::string command_line;
  std::string started_utc;  // ISO 8601
  int jobs = 1;
  std::string cache_dir;  // the shared cell cache the run used; empty: none
};

// The provenance both executors write, complete but for wall_s (finalize_run's): the facts (the
// cache directory made absolute), the config's path and SHA-256, this host, library_versions()
// and where each result came from. `reused[i]`: results[i] was kept from an earlier run. Of the
// others, a result whose timing.result_from is "cache" was read from the shared cache, one failed
// at stage "task" was never written (its Slurm task died) and the rest were computed; computed
// cells whose timing.encode_from is "cache" count the bitstreams read from the cache.
Provenance run_provenance(const Experiment& e, const RunFacts& facts, const std::vector<CellResult>& results,
                          const std::vector<bool>& reused);

// Library name -> version for everything that can change a number: each codec's version
// string ("codec:<id>"), each registered metric's, per-set ones included ("metric:<id>"), and
// the FFmpeg libraries that read and resize sources.
std::map<std::string, std::string> library_versions();

std::string host_name();
// Current UTC time as ISO 8601, e.g. 2026-11-26T02:15:08Z.
std::string utc_now_iso8601();

}  // namespace tgvc
