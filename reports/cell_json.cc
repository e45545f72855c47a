#include "reports/cell_json.h"

#include <cmath>
#include <limits>

#include "harness/core/error.h"

namespace tgvc {
namespace {

using nlohmann::json;

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

double read_number(const json& j) {
  return j.is_number() ? j.get<double>() : std::numeric_limits<double>::quiet_NaN();
}

json metric_to_json(const MetricValue& m) {
  json j = {{"name", m.name}, {"value", number(m.value)}, {"unit", m.unit}, {"convention", m.convention},
            {"available", m.available}};
  if (!m.available) j["reason"] = m.reason;
  json frames = json::array();
  for (double v : m.per_frame) frames.push_back(number(v));
  j["per_frame"] = frames;
  return j;
}

MetricValue metric_from_json(const json& j) {
  MetricValue m;
  m.name = j.at("name").get<std::string>();
  m.value = read_number(j.at("value"));
  m.unit = j.value("unit", "");
  m.convention = j.value("convention", "");
  m.available = j.value("available", true);
  m.reason = j.value("reason", "");
  for (const json& v : j.value("per_frame", json::array())) m.per_frame.push_back(read_number(v));
  return m;
}

}  // namespace

json cell_to_json(const CellResult& c) {
  json components = json::array();
  for (const auto& [name, bits] : c.rate_components) components.push_back({{"name", name}, {"bits", bits}});
  json metrics = json::array();
  for (const MetricValue& m : c.metrics) metrics.push_back(metric_to_json(m));
  json j = {{"schema_version", kResultSchemaVersion},
            {"cell_id", c.cell_id},
            {"inputs_hash", c.inputs_hash},
            {"status", c.status},
            {"dataset", c.dataset},
            {"sequence", c.sequence},
            {"codec", c.codec},
            {"codec_type", c.codec_type},
            {"codec_version", c.codec_version},
            {"rate_point", c.rate_point},
            {"params", c.params},
            {"width", c.width},
            {"height", c.height},
            {"frames", c.frames},
            {"fps", number(c.fps)},
            {"bits", c.bits},
            {"bpp", number(c.bpp)},
            {"kbps", number(c.kbps)},
            {"rate_components", components},
            {"metrics", metrics},
            {"timing",
             {{"load_s", c.timing.load_s},
              {"encode_s", c.timing.encode_s},
              {"decode_s", c.timing.decode_s},
              {"metrics_s", c.timing.metrics_s},
              {"total_s", c.timing.total_s}}}};
  if (!c.ok()) {
    j["stage"] = c.stage;
    j["error"] = c.error;
  }
  return j;
}

CellResult cell_from_json(const json& j, const std::string& where) {
  try {
    if (j.at("schema_version").get<int>() != kResultSchemaVersion) {
      throw InputError(where, "schema_version " + std::to_string(kResultSchemaVersion),
                       std::to_string(j.at("schema_version").get<int>()));
    }
    CellResult c;
    c.cell_id = j.at("cell_id").get<std::string>();
    c.inputs_hash = j.at("inputs_hash").get<std::string>();
    c.status = j.at("status").get<std::string>();
    c.stage = j.value("stage", "");
    c.error = j.value("error", "");
    c.dataset = j.at("dataset").get<std::string>();
    c.sequence = j.at("sequence").get<std::string>();
    c.codec = j.at("codec").get<std::string>();
    c.codec_type = j.at("codec_type").get<std::string>();
    c.codec_version = j.at("codec_version").get<std::string>();
    c.rate_point = j.at("rate_point").get<std::string>();
    c.params = j.at("params").get<std::map<std::string, std::string>>();
    c.width = j.at("width").get<int>();
    c.height = j.at("height").get<int>();
    c.frames = j.at("frames").get<int>();
    c.fps = read_number(j.at("fps"));
    c.bits = j.at("bits").get<uint64_t>();
    c.bpp = read_number(j.at("bpp"));
    c.kbps = read_number(j.at("kbps"));
    for (const json& rc : j.at("rate_components")) {
      c.rate_components.emplace_back(rc.at("name").get<std::string>(), rc.at("bits").get<uint64_t>());
    }
    for (const json& m : j.at("metrics")) c.metrics.push_back(metric_from_json(m));
    const json& t = j.at("timing");
    c.timing = {t.value("load_s", 0.0), t.value("encode_s", 0.0), t.value("decode_s", 0.0),
                t.value("metrics_s", 0.0), t.value("total_s", 0.0)};
    return c;
  } catch (const json::exception& e) {
    throw InputError(where, "a cell result (schema " + std::to_string(kResultSchemaVersion) + ")", e.what());
  }
}

}  // namespace tgvc
