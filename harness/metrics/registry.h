// The one list of metrics, plain and per set. Each entry holds the metric's descriptor and the
// interface its kind uses; every caller that needs a metric, its options, versions or the spec of
// a value name goes through here.
#pragma once

#include <string>
#include <vector>

#include "harness/metrics/metric.h"
#include "harness/metrics/metric_descriptor.h"
#include "harness/metrics/per_set_metric.h"

namespace tgvc {

struct MetricEntry {
  const MetricDescriptor* descriptor = nullptr;
  const Metric* plain = nullptr;          // kind per frame or per sequence
  const PerSetMetric* per_set = nullptr;  // kind per set

  // The metric's input_files (model files), whichever interface it has.
  std::vector<std::string> input_files(const ParamSet& options) const;
};

// In registry order (the order `list` prints and the report's main metrics follow).
const std::vector<MetricEntry>& all_metrics();
// nullptr when no metric has that id.
const MetricEntry* find_metric(const std::string& id);
// Every id, in registry order (for "one of ..." messages).
std::vector<std::string> metric_ids();

// The spec of a value name any metric produces (psnr_y, lpips_vgg, fvd_clips); nullptr when none
// lists it (rate columns: harness/metrics/rate.h; old results of a metric since changed).
const ValueSpec* find_value_spec(const std::string& value_name);
// The metric that produces `value_name`; nullptr when none.
const MetricEntry* find_metric_of_value(const std::string& value_name);

}  // namespace tgvc
