#include "harness/results/set_json.h"

#include "harness/core/error.h"
#include "harness/results/metric_json.h"

namespace tgvc {

using nlohmann::json;

json set_to_json(const SetResult& s) {
  json values = json::array();
  for (const MetricValue& v : s.values) values.push_back(metric_to_json(v));
  return {{"metric", s.metric},         {"codec", s.codec},          {"rate_point", s.rate_point},
          {"sequences", s.sequences},   {"bpp", json_number(s.bpp)}, {"kbps", json_number(s.kbps)},
          {"values", std::move(values)}};
}

SetResult set_from_json(const json& j, const std::string& where) {
  try {
    SetResult s;
    s.metric = j.at("metric").get<std::string>();
    s.codec = j.at("codec").get<std::string>();
    s.rate_point = j.at("rate_point").get<std::string>();
    s.sequences = j.at("sequences").get<std::vector<std::string>>();
    s.bpp = read_json_number(j.at("bpp"));
    s.kbps = read_json_number(j.at("kbps"));
    for (const json& v : j.at("values")) s.values.push_back(metric_from_json(v));
    return s;
  } catch (const json::exception& e) {
    throw InputError(where, "a per-set result (metric, codec, rate_point, sequences, bpp, kbps, values)",
                     e.what());
  }
}

}  // namespace tgvc
