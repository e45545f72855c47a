#include "harness/results/run_results.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/results/cell_json.h"
#include "harness/results/set_json.h"

namespace tgvc {

RunResults load_run_results(const std::string& run_dir) {
  const std::string path = (std::filesystem::path(run_dir) / "results.json").string();
  if (!std::filesystem::exists(path)) throw InputError(path, "a run's results.json", "no such file");
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(read_file(path));
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path, "JSON", e.what());
  }
  RunResults run;
  run.run_dir = run_dir;
  try {
    if (doc.at("schema_version").get<int>() != kResultSchemaVersion) {
      throw InputError(path, "schema_version " + std::to_string(kResultSchemaVersion),
                       std::to_string(doc.at("schema_version").get<int>()));
    }
    run.experiment = doc.at("experiment").get<std::string>();
    const nlohmann::json& p = doc.at("provenance");
    Provenance& out = run.provenance;
    out.tool_version = p.value("tool_version", "");
    out.git_commit = p.value("git_commit", "");
    out.config_path = p.value("config_path", "");
    out.config_sha256 = p.value("config_sha256", "");
    out.host = p.value("host", "");
    out.started_utc = p.value("started_utc", "");
    out.wall_s = p.value("wall_s", 0.0);
    out.jobs = p.value("jobs", 1);
    out.cells_reused = p.value("cells_reused", 0);
    out.cells_computed = p.value("cells_computed", 0);
    out.cells_from_cache = p.value("cells_from_cache", 0);
    out.bitstreams_from_cache = p.value("bitstreams_from_cache", 0);
    out.cache_dir = p.value("cache_dir", "");
    out.command_line = p.value("command_line", "");
    out.libraries = p.value("libraries", std::map<std::string, std::string>{});
    for (const nlohmann::json& cell : doc.at("cells")) run.cells.push_back(cell_from_json(cell, path));
    for (const nlohmann::json& set : doc.value("sets", nlohmann::json::array())) {
      run.sets.push_back(set_from_json(set, path));
    }
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path, "a results.json of schema " + std::to_string(kResultSchemaVersion), e.what());
  }
  return run;
}

}  // namespace tgvc
