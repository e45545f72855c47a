#include "harness/results/results_json.h"

#include <nlohmann/json.hpp>

#include "harness/results/cell_json.h"
#include "harness/results/set_json.h"

namespace tgvc {

std::string results_json(const std::string& experiment, const Provenance& p,
                         const std::vector<CellResult>& cells, const std::vector<SetResult>& sets) {
  nlohmann::json doc;
  doc["schema_version"] = kResultSchemaVersion;
  doc["experiment"] = experiment;
  doc["provenance"] = {{"tool_version", p.tool_version},
                       {"git_commit", p.git_commit},
                       {"config_path", p.config_path},
                       {"config_sha256", p.config_sha256},
                       {"host", p.host},
                       {"started_utc", p.started_utc},
                       {"wall_s", p.wall_s},
                       {"jobs", p.jobs},
                       {"cells_reused", p.cells_reused},
                       {"cells_computed", p.cells_computed},
                       {"cells_from_cache", p.cells_from_cache},
                       {"bitstreams_from_cache", p.bitstreams_from_cache},
                       {"cache_dir", p.cache_dir},
                       {"command_line", p.command_line},
                       {"libraries", p.libraries}};
  int failed = 0;
  nlohmann::json list = nlohmann::json::array();
  for (const CellResult& c : cells) {
    failed += c.ok() ? 0 : 1;
    list.push_back(cell_to_json(c));
    list.back().erase("set_contributions");  // features stay in cells/*.json; the sets below hold the values
  }
  doc["summary"] = {
      {"cells", cells.size()}, {"ok", static_cast<int>(cells.size()) - failed}, {"failed", failed}};
  doc["cells"] = std::move(list);
  nlohmann::json set_list = nlohmann::json::array();
  for (const SetResult& s : sets) set_list.push_back(set_to_json(s));
  doc["sets"] = std::move(set_list);
  return doc.dump(1) + "\n";
}

}  // namespace tgvc
