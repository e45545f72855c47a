// Builders for the values a metric returns: name and unit come from its descriptor, so a metric
// lists its value names once (metric_descriptor.h).
#pragma once

#include <string>
#include <vector>

#include "harness/metrics/metric.h"
#include "harness/metrics/metric_descriptor.h"

namespace tgvc {

// A computed value of `spec`; a value that is not finite stays available (callers that treat it
// as n/a say why with unavailable_value).
MetricValue make_value(const ValueSpec& spec, double value, std::vector<double> per_frame,
                       std::string convention);

// `spec` as n/a for `reason` (the value NaN, no per-frame values).
MetricValue unavailable_value(const ValueSpec& spec, std::string reason, std::string convention = {});

// Every value `d` produces with `options`, n/a for `reason`: what a metric that cannot run returns.
std::vector<MetricValue> unavailable_values(const MetricDescriptor& d, const ParamSet& options,
                                            const std::string& reason, const std::string& convention = {});

// `values` unchanged when their names are those `d` produces with `options`, in its order; Error
// otherwise. For values made where the descriptor is not at hand (the LibTorch backend).
std::vector<MetricValue> as_described(const MetricDescriptor& d, const ParamSet& options,
                                      std::vector<MetricValue> values);

}  // namespace tgvc
