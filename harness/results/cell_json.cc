#include "harness/results/cell_json.h"

#include "harness/core/error.h"
#include "harness/results/metric_json.h"

namespace tgvc {

using nlohmann::json;

json cell_to_json(const CellResult& c) {
  json components = json::array();
  for (const auto& [name, bits] : c.rate_components) components.push_back({{"name", name}, {"bits", bits}});
  json metrics = json::array();
  for (const MetricValue& m : c.metrics) metrics.push_back(metric_to_json(m));
  json j = {{"schema_version", kResultSchemaVersion},
            {"cell_id", c.cell_id},
            {"inputs_hash", c.inputs_hash},
            {"status", to_string(c.status)},
            {"dataset", c.dataset},
            {"sequence", c.sequence},
            {"codec", c.codec},
            {"codec_type", c.codec_type},
            {"codec_version", c.codec_version},
            {"rate_point", c.rate_point},
            {"params", c.params},
            {"width", c.width},
            {"height", c.height},
            {"coded_width", c.coded_width},
            {"coded_height", c.coded_height},
            {"frames", c.frames},
            {"fps", json_number(c.fps)},
            {"bits", c.bits},
            {"bpp", json_number(c.bpp)},
            {"kbps", json_number(c.kbps)},
            {"rate_components", components},
            {"metrics", metrics},
            {"timing",
             {{"load_s", c.timing.load_s},
              {"encode_s", c.timing.encode_s},
              {"decode_s", c.timing.decode_s},
              {"metrics_s", c.timing.metrics_s},
              {"total_s", c.timing.total_s}}}};
  if (!c.timing.result_from.empty()) j["timing"]["result_from"] = c.timing.result_from;
  if (!c.timing.encode_from.empty()) j["timing"]["encode_from"] = c.timing.encode_from;
  if (!c.colour_conversion.empty()) j["colour_conversion"] = c.colour_conversion;
  if (!c.padding.empty()) j["padding"] = c.padding;
  if (!c.encoder_notes.empty()) j["encoder_notes"] = c.encoder_notes;
  if (!c.set_contributions.empty()) {
    json contributions = json::array();
    for (const SetContribution& sc : c.set_contributions) contributions.push_back(contribution_to_json(sc));
    j["set_contributions"] = std::move(contributions);
  }
  if (!c.headline_values.empty()) j["headline_values"] = c.headline_values;
  if (c.still_frame >= 0) j["still"] = {{"frame", c.still_frame}, {"metric", c.still_metric}};
  if (!c.ok()) {
    j["stage"] = to_string(c.stage);
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
    c.status = parse_cell_outcome(j.at("status").get<std::string>(), where);
    c.stage = parse_failed_stage(j.value("stage", ""), where);
    c.error = j.value("error", "");
    c.dataset = j.at("dataset").get<std::string>();
    c.sequence = j.at("sequence").get<std::string>();
    c.codec = j.at("codec").get<std::string>();
    c.codec_type = j.at("codec_type").get<std::string>();
    c.codec_version = j.at("codec_version").get<std::string>();
    c.rate_point = j.at("rate_point").get<std::string>();
    c.params = j.at("params").get<std::map<std::string, std::string>>();
    c.encoder_notes = j.value("encoder_notes", std::map<std::string, std::string>{});
    c.width = j.at("width").get<int>();
    c.height = j.at("height").get<int>();
    c.coded_width = j.value("coded_width", c.width);  // absent in results written before padding
    c.coded_height = j.value("coded_height", c.height);
    c.colour_conversion = j.value("colour_conversion", "");
    c.padding = j.value("padding", "");
    c.frames = j.at("frames").get<int>();
    c.fps = read_json_number(j.at("fps"));
    c.bits = j.at("bits").get<uint64_t>();
    c.bpp = read_json_number(j.at("bpp"));
    c.kbps = read_json_number(j.at("kbps"));
    for (const json& rc : j.at("rate_components")) {
      c.rate_components.emplace_back(rc.at("name").get<std::string>(), rc.at("bits").get<uint64_t>());
    }
    for (const json& m : j.at("metrics")) c.metrics.push_back(metric_from_json(m));
    c.headline_values = j.value("headline_values", std::vector<std::string>{});
    if (j.contains("still")) {
      c.still_frame = j.at("still").at("frame").get<int>();
      c.still_metric = j.at("still").value("metric", "");
    }
    for (const json& sc : j.value("set_contributions", json::array())) {
      c.set_contributions.push_back(contribution_from_json(sc));
    }
    const json& t = j.at("timing");
    c.timing = {t.value("load_s", 0.0),    t.value("encode_s", 0.0), t.value("decode_s", 0.0),
                t.value("metrics_s", 0.0), t.value("total_s", 0.0),  t.value("result_from", ""),
                t.value("encode_from", "")};
    return c;
  } catch (const json::exception& e) {
    throw InputError(where, "a cell result (schema " + std::to_string(kResultSchemaVersion) + ")", e.what());
  }
}

}  // namespace tgvc
