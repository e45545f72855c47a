// What a metric is, as plain data: id, kind, version, options and every value it can produce, with
// unit, direction and role. Reports, `compare`, `bd`, provenance, `list` and n/a rows read this;
// nothing outside the metric's own file lists its value names (docs/architecture.md, "Adding a
// metric").
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "harness/core/params.h"

namespace tgvc {

// Per frame: one value per frame pair, pooled over frames; per sequence: over the whole pair of
// videos (tracks across frames); per set: over every clip of one (codec, rate point) (FVD).
enum class MetricKind { kPerFrame, kPerSequence, kPerSet };
const char* to_string(MetricKind kind);  // "per frame", "per sequence", "per set"

enum class Direction { kHigherIsBetter, kLowerIsBetter };
const char* to_string(Direction direction);  // "higher is better", "lower is better"

// One value name a metric can produce.
struct ValueSpec {
  std::string name;  // e.g. "psnr_y"; unique over all metrics (a test checks it)
  std::string unit;  // "dB", "px", "share", "clips"; empty for unitless
  Direction direction = Direction::kHigherIsBetter;
  // The metric's headline: the first value it returns, recorded in the cell's result and shown
  // among the report's main metrics. Exactly one per combination of options.
  bool headline = false;
  // Shown among the report's main metrics even when not a headline; these come first, in registry
  // order and then in the descriptor's order (reports/main_metrics.h).
  bool main = false;
  // Produced only when option `when_key` has the value `when_value` (psnr_rgb: rgb = true,
  // lpips_vgg: net = vgg); an empty key: always.
  std::string when_key, when_value;
  // The column of the published R-D points (reports/paper_points.h) that reports this value.
  std::string paper_column;

  // Modifiers for the descriptor tables: higher_is_better("psnr_y", "dB").as_headline().as_main().
  ValueSpec& as_headline() {
    headline = true;
    return *this;
  }
  ValueSpec& as_main() {
    main = true;
    return *this;
  }
  ValueSpec& only_when(std::string key, std::string value) {
    when_key = std::move(key);
    when_value = std::move(value);
    return *this;
  }
  ValueSpec& in_paper_as(std::string column) {
    paper_column = std::move(column);
    return *this;
  }
};

ValueSpec higher_is_better(std::string name, std::string unit);
ValueSpec lower_is_better(std::string name, std::string unit);

struct MetricDescriptor {
  std::string id;  // the name configs and `measure --metrics` use
  MetricKind kind = MetricKind::kPerFrame;
  std::string version;  // part of every cell's cache key and of results.json's provenance
  std::string description;
  std::vector<ParamSpec> options;  // validated by the config loader, printed by `list --verbose`
  std::vector<ValueSpec> values;   // every value it can produce, in the order it returns them
};

// The spec named `name` of `d`; Error when `d` lists no such value (a metric producing a value
// that its descriptor does not list is a bug).
const ValueSpec& value_spec(const MetricDescriptor& d, const std::string& name);

// Whether `spec` is produced with `options` (resolved against d.options, or empty: the defaults).
bool produced_with(const ValueSpec& spec, const MetricDescriptor& d, const ParamSet& options);

// The values `d` produces with `options`, in order.
std::vector<const ValueSpec*> values_produced(const MetricDescriptor& d, const ParamSet& options);

// The headline among values_produced(d, options); Error unless there is exactly one.
const ValueSpec& headline_value(const MetricDescriptor& d, const ParamSet& options);

}  // namespace tgvc
