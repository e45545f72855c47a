// YAML -> Experiment. Every error names file:line:column, the field and what was expected.
#include <algorithm>
#include <filesystem>
#include <initializer_list>

#include "harness/config/codec_entries.h"
#include "harness/config/dataset_entries.h"
#include "harness/config/executor_section.h"
#include "harness/config/experiment.h"
#include "harness/config/yaml_fields.h"
#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/core/param_table.h"
#include "harness/core/suggest.h"
#include "harness/metrics/registry.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kTopKeys = {"experiment", "output", "frames", "resize",   "datasets", "codecs",
                                           "metrics",    "jobs",   "report", "executor", "cache"};
// The YAML names of the enum-valued fields, in the order error messages list them.
template <class E>
EnumNames<E> names_of(std::initializer_list<E> values) {
  EnumNames<E> names;
  for (E v : values) names.emplace_back(v, to_string(v));
  return names;
}

const EnumNames<ResizeMode> kResizeModes = names_of({ResizeMode::kSquash, ResizeMode::kCrop});
const EnumNames<ResizeFilter> kResizeFilters =
    names_of({ResizeFilter::kBicubic, ResizeFilter::kBilinear, ResizeFilter::kLanczos, ResizeFilter::kArea,
              ResizeFilter::kPoint});
const EnumNames<BdMethod> kBdMethods = names_of({BdMethod::kPchip, BdMethod::kCubic, BdMethod::kAkima});

std::string choice(const YAML::Node& map, const std::string& key, const std::string& fallback,
                   const std::vector<std::string>& choices, const std::string& file,
                   const std::string& context) {
  const std::string value = optional_string(map, key, fallback, file, context);
  for (const std::string& c : choices) {
    if (c == value) return value;
  }
  throw InputError(position_of(map[key], file).str() + ": " + context + "." + key, "one of " + join(choices),
                   "'" + value + "'");
}

// The enum value `key` names (InputError as `choice` for any other name).
template <class E>
E enum_choice(const YAML::Node& map, const std::string& key, E fallback, const EnumNames<E>& names,
              const std::string& file, const std::string& context) {
  std::vector<std::string> choices;
  for (const auto& entry : names) choices.push_back(entry.second);
  const std::string value = choice(map, key, enum_name(names, fallback), choices, file, context);
  for (const auto& [v, name] : names) {
    if (name == value) return v;
  }
  return fallback;  // not reached: choice() accepted one of the names
}

FrameRange parse_frames(const YAML::Node& node, const std::string& file) {
  FrameRange range;
  if (!node) return range;
  require_map(node, file, "frames");
  require_known_keys(node, {"start", "count"}, file, "frames");
  range.start = optional_int(node, "start", 0, 0, 1000000, file, "frames");
  range.count = optional_int(node, "count", -1, 1, 1000000, file, "frames");
  return range;
}

std::optional<ResizeSpec> parse_resize(const YAML::Node& node, const std::string& file) {
  if (!node) return std::nullopt;
  require_map(node, file, "resize");
  require_known_keys(node, {"width", "height", "mode", "filter"}, file, "resize");
  ResizeSpec spec;
  spec.width = required_int(node, "width", 16, 16384, file, "resize");
  spec.height = required_int(node, "height", 16, 16384, file, "resize");
  spec.mode = enum_choice(node, "mode", ResizeMode::kSquash, kResizeModes, file, "resize");
  spec.filter = enum_choice(node, "filter", ResizeFilter::kBicubic, kResizeFilters, file, "resize");
  return spec;
}

std::vector<MetricSpec> parse_metrics(const YAML::Node& list, const std::string& file) {
  std::vector<MetricSpec> metrics;
  if (!list) return metrics;
  require_sequence(list, file, "metrics");
  const std::vector<std::string> ids = metric_ids();
  for (size_t i = 0; i < list.size(); ++i) {
    const YAML::Node node = list[i];
    const std::string context = "metrics[" + std::to_string(i) + "]";
    MetricSpec spec;
    spec.pos = position_of(node, file);
    YAML::Node options;
    if (node.IsScalar()) {
      spec.id = node.Scalar();
    } else if (node.IsMap() && node.size() == 1) {
      spec.id = key_text(node.begin()->first, file, context);
      options = node.begin()->second;
    } else {
      throw InputError(spec.pos.str() + ": " + context, "a metric id or {id: {options}}", "something else");
    }
    const MetricEntry* metric = find_metric(spec.id);
    if (!metric) {
      const std::string near = closest_match(spec.id, ids);
      throw InputError(spec.pos.str() + ": " + context,
                       (near.empty() ? "" : "'" + near + "'; ") + "one of " + join(ids), "'" + spec.id + "'");
    }
    spec.per_set = metric->descriptor->kind == MetricKind::kPerSet;
    spec.options = scalar_map(options, file, context + "." + spec.id);
    ParamSet::resolve(metric->descriptor->options, spec.options,
                      spec.pos.str() + ": " + context + "." + spec.id);
    metrics.push_back(std::move(spec));
  }
  return metrics;
}

ReportSpec parse_report(const YAML::Node& node, const std::string& file, const fs::path& base,
                        const std::vector<CodecSpec>& codecs) {
  ReportSpec spec;
  if (!node) return spec;
  require_map(node, file, "report");
  require_known_keys(node, {"anchor", "bd_method", "paper_points", "metrics"}, file, "report");
  spec.anchor = optional_string(node, "anchor", "", file, "report");
  if (!spec.anchor.empty()) {
    std::vector<std::string> names;
    for (const CodecSpec& c : codecs) names.push_back(c.name);
    if (std::find(names.begin(), names.end(), spec.anchor) == names.end()) {
      throw InputError(position_of(node["anchor"], file).str() + ": report.anchor",
                       "one of the codec names: " + join(names), "'" + spec.anchor + "'");
    }
  }
  spec.bd_method = enum_choice(node, "bd_method", BdMethod::kPchip, kBdMethods, file, "report");
  const std::string paper = optional_string(node, "paper_points", "", file, "report");
  if (!paper.empty()) {
    spec.paper_points = fs::path(paper).is_absolute() ? paper : (base / paper).lexically_normal().string();
    if (!fs::is_regular_file(spec.paper_points)) {
      throw InputError(position_of(node["paper_points"], file).str() + ": report.paper_points",
                       "an existing CSV file", "'" + spec.paper_points + "' does not exist");
    }
  }
  if (node["metrics"]) {
    require_sequence(node["metrics"], file, "report.metrics");
    for (const auto& m : node["metrics"]) {
      if (!m.IsScalar()) {
        throw InputError(position_of(m, file).str() + ": report.metrics", "a value name", "a nested value");
      }
      spec.metrics.push_back(m.Scalar());
    }
  }
  return spec;
}

}  // namespace

Experiment parse_experiment(const std::string& text, const std::string& path) {
  const YAML::Node root = parse_yaml(text, path);
  require_map(root, path, "the config");
  require_known_keys(root, kTopKeys, path, "the config");
  Experiment e;
  e.config_path = path;
  e.config_text = text;
  e.name = required_string(root, "experiment", path, "the config");
  e.output = optional_string(root, "output", "runs/" + e.name, path, "the config");
  e.frames = parse_frames(root["frames"], path);
  e.resize = parse_resize(root["resize"], path);
  e.jobs = optional_int(root, "jobs", 1, 1, 256, path, "the config");
  e.cache = optional_string(root, "cache", "", path, "the config");
  const fs::path base = fs::path(path).parent_path();
  e.sequences = parse_datasets(root["datasets"], path, base.string(), e.frames, e.resize);
  e.codecs = parse_codecs(root["codecs"], path, base.string());
  e.metrics = parse_metrics(root["metrics"], path);
  e.report = parse_report(root["report"], path, base, e.codecs);
  e.executor = parse_executor(root["executor"], path);
  return e;
}

Experiment load_experiment(const std::string& path) {
  if (!fs::exists(path)) throw InputError(path, "a config file", "no such file");
  return parse_experiment(read_file(path), path);
}

}  // namespace tgvc
