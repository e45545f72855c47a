#include "reports/metric_direction.h"

#include "harness/metrics/registry.h"

namespace tgvc {
namespace {

const ValueSpec* find_paper_column(const std::string& column) {
  for (const MetricEntry& m : all_metrics()) {
    for (const ValueSpec& spec : m.descriptor->values) {
      if (!spec.paper_column.empty() && spec.paper_column == column) return &spec;
    }
  }
  return nullptr;
}

}  // namespace

bool metric_higher_is_better(const std::string& name) {
  if (is_rate_value(name)) return false;
  const ValueSpec* spec = find_value_spec(name);
  if (!spec) spec = find_paper_column(name);
  return !spec || spec->direction == Direction::kHigherIsBetter;
}

}  // namespace tgvc
