#include "harness/config/codec_entries.h"

#include <algorithm>
#include <optional>

#include "codecs/codec.h"
#include "harness/config/codec_presets.h"
#include "harness/config/rate_points.h"
#include "harness/config/yaml_fields.h"
#include "harness/core/error.h"
#include "harness/core/placeholders.h"
#include "harness/core/string_lists.h"
#include "harness/core/suggest.h"

namespace tgvc {
namespace {

const std::vector<std::string> kEntryKeys = {"name", "type", "preset", "params", "sweep", "sweep_mode"};

const Codec& codec_of_type(const std::string& type, const LocatedNode& at, const std::string& context) {
  if (const Codec* codec = find_codec(type)) return *codec;
  std::vector<std::string> ids;
  for (const Codec* c : all_codecs()) ids.push_back(c->id());
  const std::string near = closest_match(type, ids);
  throw InputError(position_of(at.node, at.file).str() + ": " + context + ".type",
                   (near.empty() ? "" : "'" + near + "'; ") + "a codec built into this binary: " + join(ids),
                   "'" + type + "'");
}

// A param's value as text: a scalar, or a list or mapping of scalars for a key of that form.
std::string param_text(const Codec& codec, const std::string& key, const LocatedNode& at,
                       const std::string& where) {
  const ParamSpec* spec = find_param(codec.param_specs(), key);
  const ParamForm form = spec ? spec->form : ParamForm::kScalar;
  const YAML::Node& node = at.node;
  const std::string pos = position_of(node, at.file).str() + ": " + where;
  if (form == ParamForm::kScalar) {
    if (!node.IsScalar()) throw InputError(pos, "a scalar", node.IsSequence() ? "a list" : "a mapping");
    return node.Scalar();
  }
  if (form == ParamForm::kList) {
    if (!node.IsSequence())
      throw InputError(pos, "a list of strings ([program, arg, ...])", "a scalar or mapping");
    std::vector<std::string> items;
    for (const auto& item : node) {
      if (!item.IsScalar())
        throw InputError(position_of(item, at.file).str() + ": " + where, "a string", "a nested value");
      items.push_back(item.Scalar());
    }
    return format_string_list(items);
  }
  if (!node.IsMap()) throw InputError(pos, "a mapping of strings", "a scalar or list");
  std::map<std::string, std::string> entries;
  for (const auto& entry : node) {
    const std::string k = key_text(entry.first, at.file, where);
    if (!entry.second.IsScalar())
      throw InputError(position_of(entry.second, at.file).str() + ": " + where + "." + k, "a string",
                       "a nested value");
    entries[k] = entry.second.Scalar();
  }
  return format_string_map(entries);
}

// Every {NAME} in the items of keys whose spec allows placeholders must be one of the codec's
// names or a key of the entry.
void check_placeholders(const Codec& codec, const CodecEntryValues& values, const std::string& context) {
  std::vector<std::string> names = codec.placeholder_names();
  for (const auto& entry : values.fixed) names.push_back(entry.first);
  for (const SweepAxis& axis : values.axes) names.push_back(axis.key);
  for (size_t i = names.size(); i-- > 0;) {
    if (std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i), names[i]) !=
        names.begin() + static_cast<std::ptrdiff_t>(i)) {
      names.erase(names.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
  for (const auto& [key, at] : values.fixed_at) {
    const ParamSpec* spec = find_param(codec.param_specs(), key);
    if (!spec || !spec->placeholders) continue;
    for (size_t i = 0; i < at.node.size(); ++i) {
      const YAML::Node item = at.node[i];
      const std::string text = item.Scalar();
      const std::string where = position_of(item, at.file).str() + ": " + context + ".params." + key + "[" +
                                std::to_string(i) + "]";
      const PlaceholderScan scan = scan_placeholders(text);
      if (scan.malformed_at) {
        throw InputError(where, "{NAME} placeholders with closed braces ({{ and }} for a literal brace)",
                         "'" + text + "'");
      }
      for (const PlaceholderUse& use : scan.uses) {
        if (std::find(names.begin(), names.end(), use.name) != names.end()) continue;
        const std::string near = closest_match(use.name, names);
        throw InputError(where,
                         (near.empty() ? "" : "'{" + near + "}'; ") +
                             "a placeholder of the codec or a param or sweep key: " + join(names),
                         "unknown placeholder '{" + use.name + "}' in '" + text + "'");
      }
    }
  }
}

// Merges a map node's entries into `out` (later calls win per key).
void add_params(const YAML::Node& params, const std::string& file, const std::string& context,
                std::map<std::string, LocatedNode>* out) {
  if (!params || params.IsNull()) return;
  require_map(params, file, context + ".params");
  for (const auto& entry : params) {
    const std::string key = key_text(entry.first, file, context + ".params");
    out->erase(key);
    out->emplace(key, LocatedNode{entry.second, file});
  }
}

// The axes of `axes` whose key is not `drop` (a new vector: SweepAxis holds YAML nodes, which are
// never assigned).
std::vector<SweepAxis> without(const std::vector<SweepAxis>& axes, const std::string& drop) {
  std::vector<SweepAxis> out;
  for (const SweepAxis& a : axes) {
    if (a.key != drop) out.push_back(a);
  }
  return out;
}

// `base` with `over`'s axes: one of the same key takes its place, a new one is appended.
std::vector<SweepAxis> merged_axes(const std::vector<SweepAxis>& base, const std::vector<SweepAxis>& over) {
  std::vector<SweepAxis> out;
  for (const SweepAxis& a : base) {
    const auto same =
        std::find_if(over.begin(), over.end(), [&](const SweepAxis& o) { return o.key == a.key; });
    out.push_back(same == over.end() ? a : *same);
  }
  for (const SweepAxis& o : over) {
    if (std::none_of(base.begin(), base.end(), [&](const SweepAxis& a) { return a.key == o.key; }))
      out.push_back(o);
  }
  return out;
}

CodecSpec parse_entry(const YAML::Node& node, const std::string& file, const std::string& config_dir,
                      const std::string& context) {
  require_map(node, file, context);
  require_known_keys(node, kEntryKeys, file, context);
  CodecSpec spec;
  spec.pos = position_of(node, file);
  std::optional<CodecPreset> preset;
  if (node["preset"]) {
    const std::string name = required_string(node, "preset", file, context);
    preset = load_codec_preset(name, config_dir, position_of(node["preset"], file).str() + ": " + context);
    spec.preset = preset->name;
    spec.preset_file = preset->file;
  }
  if (node["type"]) {
    spec.type = required_string(node, "type", file, context);
    if (preset && spec.type != preset->type) {
      throw InputError(position_of(node["type"], file).str() + ": " + context + ".type",
                       "the preset's type '" + preset->type + "' (or no type)", "'" + spec.type + "'");
    }
  } else if (preset) {
    spec.type = preset->type;
  } else {
    spec.type = required_string(node, "type", file, context);  // throws: neither type nor preset
  }
  const LocatedNode type_at = node["type"] || !preset ? LocatedNode{node["type"], file}
                                                      : LocatedNode{preset->root["type"], preset->file};
  const Codec& codec = codec_of_type(spec.type, type_at, context);
  spec.name = optional_string(node, "name", preset ? preset->name : spec.type, file, context);

  // The preset's params and sweep first, the entry's over them: a key the entry fixes drops the
  // preset's axis of that key, and a key the entry sweeps drops the preset's fixed value.
  CodecEntryValues values;
  std::map<std::string, LocatedNode> fixed_at;
  std::vector<SweepAxis> axes;
  if (preset) {
    const std::string where = context + " (preset " + preset->name + ")";
    add_params(preset->root["params"], preset->file, where, &fixed_at);
    axes = parse_sweep_axes(preset->root["sweep"], preset->file, where);
    if (preset->root["sweep"]) values.sweep_at.emplace(LocatedNode{preset->root["sweep"], preset->file});
    if (preset->root["sweep_mode"]) {
      values.mode = required_string(preset->root, "sweep_mode", preset->file, "the preset");
      values.mode_at.emplace(LocatedNode{preset->root["sweep_mode"], preset->file});
    }
  }
  std::map<std::string, LocatedNode> own;
  add_params(node["params"], file, context, &own);
  const std::vector<SweepAxis> own_axes = parse_sweep_axes(node["sweep"], file, context);
  for (const auto& [key, at] : own) {
    axes = without(axes, key);
    fixed_at.erase(key);
    fixed_at.emplace(key, at);
  }
  for (const SweepAxis& axis : own_axes) fixed_at.erase(axis.key);
  values.axes = merged_axes(axes, own_axes);
  if (node["sweep"]) {
    values.sweep_at.reset();
    values.sweep_at.emplace(LocatedNode{node["sweep"], file});
  }
  if (node["sweep_mode"]) {
    values.mode = required_string(node, "sweep_mode", file, context);
    values.mode_at.reset();
    values.mode_at.emplace(LocatedNode{node["sweep_mode"], file});
  }
  for (const auto& [key, at] : fixed_at) {
    values.fixed[key] = param_text(codec, key, at, context + ".params." + key);
  }
  values.fixed_at.swap(fixed_at);
  check_placeholders(codec, values, context);
  spec.params = values.fixed;
  spec.rate_points = expand_rate_points(values, codec, context);
  return spec;
}

}  // namespace

std::vector<CodecSpec> parse_codecs(const YAML::Node& list, const std::string& file,
                                    const std::string& config_dir) {
  if (!list) throw InputError(file, "a 'codecs' list with at least one codec", "none");
  require_sequence(list, file, "codecs");
  std::vector<CodecSpec> codecs;
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string context = "codecs[" + std::to_string(i) + "]";
    CodecSpec spec = parse_entry(list[i], file, config_dir, context);
    for (const CodecSpec& other : codecs) {
      if (other.name == spec.name) {
        throw InputError(spec.pos.str() + ": " + context + ".name", "a name no other codec entry uses",
                         "'" + spec.name + "' again (first at " + other.pos.str() + ")");
      }
    }
    codecs.push_back(std::move(spec));
  }
  if (codecs.empty())
    throw InputError(position_of(list, file).str() + ": codecs", "at least one codec", "an empty list");
  return codecs;
}

}  // namespace tgvc
