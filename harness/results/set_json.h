// SetResult <-> JSON (the "sets" of results.json).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "harness/results/set_result.h"

namespace tgvc {

nlohmann::json set_to_json(const SetResult& set);
// Throws InputError naming `where` when the JSON is not a set result.
SetResult set_from_json(const nlohmann::json& json, const std::string& where);

}  // namespace tgvc
