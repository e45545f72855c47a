// CellResult <-> JSON (one file per cell under cells/, and the cells of results.json).
#pragma once

#include <nlohmann/json.hpp>

#include "harness/results/cell_result.h"

namespace tgvc {

// NaN values are written as null and read back as NaN.
nlohmann::json cell_to_json(const CellResult& cell);
// Throws InputError naming `where` when the JSON is not a cell result of this schema.
CellResult cell_from_json(const nlohmann::json& json, const std::string& where);

}  // namespace tgvc
