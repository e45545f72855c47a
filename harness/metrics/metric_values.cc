#include "harness/metrics/metric_values.h"

#include "harness/core/error.h"

namespace tgvc {

MetricValue make_value(const ValueSpec& spec, double value, std::vector<double> per_frame,
                       std::string convention) {
  MetricValue v;
  v.name = spec.name;
  v.value = value;
  v.per_frame = std::move(per_frame);
  v.unit = spec.unit;
  v.convention = std::move(convention);
  return v;
}

MetricValue unavailable_value(const ValueSpec& spec, std::string reason, std::string convention) {
  MetricValue v;
  v.name = spec.name;
  v.unit = spec.unit;
  v.convention = std::move(convention);
  v.available = false;
  v.reason = std::move(reason);
  return v;
}

std::vector<MetricValue> unavailable_values(const MetricDescriptor& d, const ParamSet& options,
                                            const std::string& reason, const std::string& convention) {
  std::vector<MetricValue> out;
  for (const ValueSpec* spec : values_produced(d, options)) {
    out.push_back(unavailable_value(*spec, reason, convention));
  }
  return out;
}

std::vector<MetricValue> as_described(const MetricDescriptor& d, const ParamSet& options,
                                      std::vector<MetricValue> values) {
  const std::vector<const ValueSpec*> want = values_produced(d, options);
  std::string listed, got;
  for (const ValueSpec* spec : want) listed += " " + spec->name;
  for (const MetricValue& v : values) got += " " + v.name;
  if (listed != got)
    throw Error("metric " + d.id + " produced" + got + " where its descriptor lists" + listed);
  return values;
}

}  // namespace tgvc
