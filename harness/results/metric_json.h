// MetricValue and SetContribution <-> JSON, shared by the cell and set results. Non-finite
// numbers are written as null and read back as NaN.
#pragma once

#include <nlohmann/json.hpp>

#include "harness/results/metric_value.h"

namespace tgvc {

nlohmann::json json_number(double v);
double read_json_number(const nlohmann::json& j);

nlohmann::json metric_to_json(const MetricValue& m);
MetricValue metric_from_json(const nlohmann::json& j);

// Features are written with shortest round-trip precision, so a resumed run's sets are exact.
nlohmann::json contribution_to_json(const SetContribution& c);
SetContribution contribution_from_json(const nlohmann::json& j);

}  // namespace tgvc
