#include "harness/models/model_manifest.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "harness/core/error.h"
#include "harness/core/suggest.h"

namespace tgvc {

// Generated from models/manifest.json (harness/models/CMakeLists.txt).
const char* builtin_model_manifest_text();

namespace {

using Json = nlohmann::json;

std::string text(const Json& j, const char* key, const std::string& where, bool required) {
  if (!j.contains(key) || j[key].is_null()) {
    if (required) throw InputError(where + "." + key, "a string", "nothing");
    return {};
  }
  if (!j[key].is_string()) throw InputError(where + "." + key, "a string", j[key].dump());
  return j[key].get<std::string>();
}

std::vector<std::string> texts(const Json& j, const char* key, const std::string& where) {
  std::vector<std::string> out;
  if (!j.contains(key)) return out;
  if (!j[key].is_array()) throw InputError(where + "." + key, "a list of strings", j[key].dump());
  for (const Json& item : j[key]) {
    if (!item.is_string()) throw InputError(where + "." + key, "a list of strings", item.dump());
    out.push_back(item.get<std::string>());
  }
  return out;
}

bool is_sha256(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool is_hex_prefix(const std::string& s) {
  return s.size() >= 8 && s.size() < 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool is_plain_file_name(const std::string& s) {
  return !s.empty() && s.find('/') == std::string::npos && s != "." && s != "..";
}

ModelEntry parse_entry(const Json& j, const std::string& where) {
  if (!j.is_object()) throw InputError(where, "an object", j.dump());
  ModelEntry m;
  m.name = text(j, "name", where, true);
  const std::string at = where + " (" + m.name + ")";
  m.description = text(j, "description", at, true);
  m.used_by = texts(j, "used_by", at);
  m.licence = text(j, "licence", at, true);
  m.vendored = text(j, "vendored", at, false);
  if (j.contains("requires_acceptance")) {
    if (!j["requires_acceptance"].is_boolean()) {
      throw InputError(at + ".requires_acceptance", "true or false", j["requires_acceptance"].dump());
    }
    m.requires_acceptance = j["requires_acceptance"].get<bool>();
  }
  if (!j.contains("source") || !j["source"].is_object())
    throw InputError(at + ".source", "an object", "nothing");
  const Json& s = j["source"];
  m.source.file = text(s, "file", at + ".source", true);
  m.source.urls = texts(s, "urls", at + ".source");
  m.source.sha256 = text(s, "sha256", at + ".source", false);
  m.source.revision = text(s, "revision", at + ".source", false);
  m.source.sha256_prefix = text(s, "sha256_prefix", at + ".source", false);
  if (s.contains("size") && !s["size"].is_null()) {
    if (!s["size"].is_number_integer() || s["size"].get<int64_t>() < 0) {
      throw InputError(at + ".source.size", "a byte count", s["size"].dump());
    }
    m.source.size = s["size"].get<int64_t>();
  }
  if (!is_plain_file_name(m.source.file)) throw InputError(at + ".source.file", "a file name", m.source.file);
  if (!m.source.sha256.empty() && !is_sha256(m.source.sha256)) {
    throw InputError(at + ".source.sha256", "64 lower-case hex digits", m.source.sha256);
  }
  if (!m.source.sha256_prefix.empty() &&
      (!is_hex_prefix(m.source.sha256_prefix) || !m.source.sha256.empty())) {
    throw InputError(at + ".source.sha256_prefix",
                     "8 to 63 lower-case hex digits, only without a whole sha256", m.source.sha256_prefix);
  }
  if (m.vendored.empty() && m.source.urls.empty())
    throw InputError(at + ".source.urls", "at least one URL", "none");
  if (j.contains("conversion") && !j["conversion"].is_null()) {
    const Json& c = j["conversion"];
    if (!c.is_object()) throw InputError(at + ".conversion", "an object", c.dump());
    ModelExport e;
    e.script = text(c, "script", at + ".conversion", false);
    e.command = text(c, "command", at + ".conversion", false);
    e.output = text(c, "output", at + ".conversion", true);
    e.note = text(c, "note", at + ".conversion", true);
    if (!is_plain_file_name(e.output)) throw InputError(at + ".conversion.output", "a file name", e.output);
    m.conversion = e;
  }
  return m;
}

}  // namespace

const ModelEntry* ModelManifest::find(const std::string& name) const {
  for (const ModelEntry& m : models) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

std::vector<const ModelEntry*> ModelManifest::select(const std::string& name) const {
  std::vector<const ModelEntry*> out;
  if (name == "all") {
    for (const ModelEntry& m : models) out.push_back(&m);
    return out;
  }
  if (const ModelEntry* m = find(name)) return {m};
  const auto g = groups.find(name);
  if (g != groups.end()) {
    for (const std::string& member : g->second) out.push_back(find(member));
    return out;
  }
  std::vector<std::string> names = {"all"};
  for (const auto& [group, members] : groups) names.push_back(group);
  for (const ModelEntry& m : models) names.push_back(m.name);
  const std::string near = closest_match(name, names);
  throw InputError("model name", (near.empty() ? "" : "'" + near + "'; ") + "one of " + join(names),
                   "'" + name + "'");
}

std::string ModelManifest::fetch_name(const ModelEntry& model) const {
  for (const auto& [group, members] : groups) {
    if (members.size() == 1 && members[0] == model.name) return group;
  }
  return model.name;
}

ModelManifest parse_model_manifest(const std::string& json_text, const std::string& where) {
  Json j;
  try {
    j = Json::parse(json_text);
  } catch (const Json::parse_error& e) {
    throw InputError(where, "JSON", e.what());
  }
  if (!j.is_object()) throw InputError(where, "a JSON object", j.type_name());
  ModelManifest out;
  if (!j.contains("schema_version") || !j["schema_version"].is_number_integer() || j["schema_version"] != 1) {
    throw InputError(where + ".schema_version", "1",
                     j.contains("schema_version") ? j["schema_version"].dump() : "none");
  }
  out.schema_version = 1;
  if (!j.contains("models") || !j["models"].is_array()) throw InputError(where + ".models", "a list", "none");
  for (size_t i = 0; i < j["models"].size(); ++i) {
    ModelEntry m = parse_entry(j["models"][i], where + ".models[" + std::to_string(i) + "]");
    if (out.find(m.name) || m.name == "all") throw InputError(where + ".models", "unique names", m.name);
    out.models.push_back(std::move(m));
  }
  if (j.contains("groups")) {
    if (!j["groups"].is_object()) throw InputError(where + ".groups", "an object", j["groups"].dump());
    for (const auto& [group, members] : j["groups"].items()) {
      const std::vector<std::string> list = texts(j["groups"], group.c_str(), where + ".groups");
      for (const std::string& member : list) {
        if (!out.find(member)) throw InputError(where + ".groups." + group, "names of models", member);
      }
      if (out.find(group)) throw InputError(where + ".groups." + group, "a name no model has", group);
      out.groups[group] = list;
    }
  }
  return out;
}

const ModelManifest& builtin_model_manifest() {
  static const ModelManifest manifest =
      parse_model_manifest(builtin_model_manifest_text(), "models/manifest.json");
  return manifest;
}

}  // namespace tgvc
