#include "harness/metrics/metric_descriptor.h"

#include "harness/core/error.h"
#include "harness/metrics/metric_input.h"

namespace tgvc {

const char* to_string(MetricKind kind) {
  switch (kind) {
    case MetricKind::kPerFrame:
      return "per frame";
    case MetricKind::kPerSequence:
      return "per sequence";
    case MetricKind::kPerSet:
      return "per set";
  }
  return "?";
}

const char* to_string(Direction direction) {
  return direction == Direction::kHigherIsBetter ? "higher is better" : "lower is better";
}

ValueSpec higher_is_better(std::string name, std::string unit) {
  ValueSpec spec;
  spec.name = std::move(name);
  spec.unit = std::move(unit);
  spec.direction = Direction::kHigherIsBetter;
  return spec;
}

ValueSpec lower_is_better(std::string name, std::string unit) {
  ValueSpec spec = higher_is_better(std::move(name), std::move(unit));
  spec.direction = Direction::kLowerIsBetter;
  return spec;
}

const ValueSpec& value_spec(const MetricDescriptor& d, const std::string& name) {
  for (const ValueSpec& spec : d.values) {
    if (spec.name == name) return spec;
  }
  throw Error("metric " + d.id + " produced the value " + name + ", which its descriptor does not list");
}

bool produced_with(const ValueSpec& spec, const MetricDescriptor& d, const ParamSet& options) {
  if (spec.when_key.empty()) return true;
  // The option's text as the config gives it, else its default (the condition names a value).
  if (options.has(spec.when_key)) return options.get_string(spec.when_key) == spec.when_value;
  const ParamSpec* option = find_param(d.options, spec.when_key);
  return option != nullptr && option->default_value == spec.when_value;
}

std::vector<const ValueSpec*> values_produced(const MetricDescriptor& d, const ParamSet& options) {
  std::vector<const ValueSpec*> out;
  for (const ValueSpec& spec : d.values) {
    if (produced_with(spec, d, options)) out.push_back(&spec);
  }
  return out;
}

const ValueSpec& headline_value(const MetricDescriptor& d, const ParamSet& options) {
  const ValueSpec* found = nullptr;
  for (const ValueSpec* spec : values_produced(d, options)) {
    if (!spec->headline) continue;
    if (found) throw Error("metric " + d.id + " has two headlines: " + found->name + " and " + spec->name);
    found = spec;
  }
  if (!found) throw Error("metric " + d.id + " has no headline for these options");
  return *found;
}

}  // namespace tgvc
