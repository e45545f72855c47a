#include "harness/results/cell_values.h"

#include <cmath>

namespace tgvc {

const MetricValue* find_value(const CellResult& cell, const std::string& name) {
  for (const MetricValue& v : cell.metrics) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

double usable_value(const CellResult& cell, const std::string& name) {
  if (!cell.ok()) return std::nan("");
  const MetricValue* v = find_value(cell, name);
  return v != nullptr && v->available && std::isfinite(v->value) ? v->value : std::nan("");
}

double rate_of(const CellResult& cell, RateAxis axis) {
  return axis == RateAxis::kKbps ? cell.kbps : cell.bpp;
}

const char* rate_axis_name(RateAxis axis) {
  return axis == RateAxis::kKbps ? "kbps" : "bpp";
}

}  // namespace tgvc
