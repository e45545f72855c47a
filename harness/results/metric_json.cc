#include "harness/results/metric_json.h"

#include <cmath>
#include <limits>

namespace tgvc {

using nlohmann::json;

json json_number(double v) {
  return std::isfinite(v) ? json(v) : json(nullptr);
}

double read_json_number(const json& j) {
  return j.is_number() ? j.get<double>() : std::numeric_limits<double>::quiet_NaN();
}

json metric_to_json(const MetricValue& m) {
  json j = {{"name", m.name},
            {"value", json_number(m.value)},
            {"unit", m.unit},
            {"convention", m.convention},
            {"available", m.available}};
  if (!m.available) j["reason"] = m.reason;
  json frames = json::array();
  for (double v : m.per_frame) frames.push_back(json_number(v));
  j["per_frame"] = frames;
  return j;
}

MetricValue metric_from_json(const json& j) {
  MetricValue m;
  m.name = j.at("name").get<std::string>();
  m.value = read_json_number(j.at("value"));
  m.unit = j.value("unit", "");
  m.convention = j.value("convention", "");
  m.available = j.value("available", true);
  m.reason = j.value("reason", "");
  for (const json& v : j.value("per_frame", json::array())) m.per_frame.push_back(read_json_number(v));
  return m;
}

namespace {

json numbers(const std::vector<double>& values) {
  json out = json::array();
  for (double v : values) out.push_back(json_number(v));
  return out;
}

std::vector<double> read_numbers(const json& j) {
  std::vector<double> out;
  out.reserve(j.size());
  for (const json& v : j) out.push_back(read_json_number(v));
  return out;
}

}  // namespace

json contribution_to_json(const SetContribution& c) {
  json j = {{"metric", c.metric},
            {"version", c.version},
            {"method", c.method},
            {"available", c.available},
            {"clips", c.clips},
            {"dims", c.dims},
            {"reference", numbers(c.reference)},
            {"distorted", numbers(c.distorted)}};
  if (!c.available) j["reason"] = c.reason;
  return j;
}

SetContribution contribution_from_json(const json& j) {
  SetContribution c;
  c.metric = j.at("metric").get<std::string>();
  c.version = j.at("version").get<std::string>();
  c.method = j.value("method", "");
  c.available = j.value("available", true);
  c.reason = j.value("reason", "");
  c.clips = j.at("clips").get<int>();
  c.dims = j.at("dims").get<int>();
  c.reference = read_numbers(j.at("reference"));
  c.distorted = read_numbers(j.at("distorted"));
  return c;
}

}  // namespace tgvc
