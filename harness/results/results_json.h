// results.json: schema version, provenance, every cell (without its per-set contributions) and
// the per-set metrics' values.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "harness/results/cell_result.h"
#include "harness/results/set_result.h"

namespace tgvc {

struct Provenance {
  std::string tool_version;
  std::string git_commit;  // of the tgvc-bench build
  std::string config_path;
  std::string config_sha256;
  std::string host;
  std::string started_utc;  // ISO 8601
  double wall_s = 0;        // this run's wall time; reused cells took none of it
  int jobs = 1;
  // Where the cells' results came from; together with the cells whose task left no result (a
  // Slurm task killed before it wrote one) they add up to the run's cells.
  int cells_reused = 0;      // cells whose stored result from an earlier run was kept, not recomputed
  int cells_computed = 0;    // cells this run computed (ok or failed)
  int cells_from_cache = 0;  // cells this run read from the shared cell cache instead of computing
  // Bitstreams this run read from the shared cache instead of encoding (each decoded by the
  // cells computed now that share its key).
  int bitstreams_from_cache = 0;
  std::string cache_dir;  // the shared cell cache this run read and wrote (absolute); empty: none
  std::string command_line;
  std::map<std::string, std::string> libraries;  // name -> version
};

std::string results_json(const std::string& experiment, const Provenance& provenance,
                         const std::vector<CellResult>& cells, const std::vector<SetResult>& sets = {});

}  // namespace tgvc
