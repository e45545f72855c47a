#include "harness/run/run_directory.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/results/cell_json.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

// A killed run can leave the temporaries of atomic writes behind; they are never results.
void remove_stale_temporaries(const fs::path& cells) {
  for (const auto& entry : fs::directory_iterator(cells)) {
    if (entry.path().filename().string().find(".json.tmp.") != std::string::npos) fs::remove(entry.path());
  }
}

}  // namespace

void prepare_run_directory(const Experiment& e, const std::string& dir_name) {
  const fs::path dir(dir_name);
  std::error_code ec;
  fs::create_directories(dir / "cells", ec);
  if (!ec) fs::create_directories(dir / "sources", ec);
  if (ec) throw Error("cannot create run directory " + (dir / "cells").string() + ": " + ec.message());
  write_file_atomically((dir / "config.yaml").string(), e.config_text);
  remove_stale_temporaries(dir / "cells");
}

std::string cell_file(const std::string& dir, const Cell& cell) {
  return (fs::path(dir) / "cells" / (cell.id + ".json")).string();
}

std::optional<CellResult> stored_result(const std::string& path, const std::string& inputs_hash) {
  if (!fs::exists(path)) return std::nullopt;
  try {
    CellResult stored = cell_from_json(nlohmann::json::parse(read_file(path)), path);
    if (stored.inputs_hash == inputs_hash) return stored;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

std::optional<CellResult> reusable_result(const std::string& path, const std::string& inputs_hash) {
  std::optional<CellResult> stored = stored_result(path, inputs_hash);
  if (stored && stored->ok()) return stored;
  return std::nullopt;
}

}  // namespace tgvc
