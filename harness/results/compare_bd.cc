#include "harness/results/compare_bd.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace tgvc {
namespace {

template <typename T>
void add_once(std::vector<T>& list, const T& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

}  // namespace

std::vector<BdCurve> cell_bd_curves(const std::vector<CellResult>& cells, const std::string& dataset,
                                    const std::string& codec, const std::string& metric) {
  std::vector<BdCurve> curves;
  std::map<std::string, size_t> curve_of;
  for (const CellResult& cell : cells) {
    if (!cell.ok() || cell.dataset != dataset || cell.codec != codec) continue;
    if (!std::isfinite(cell.bpp) || cell.bpp <= 0) continue;
    for (const MetricValue& v : cell.metrics) {
      if (v.name != metric || !v.available || !std::isfinite(v.value)) continue;
      auto [it, added] = curve_of.emplace(cell.sequence, curves.size());
      if (added) curves.push_back({dataset, cell.sequence, {}});
      curves[it->second].points.push_back({cell.bpp, v.value});
      curves[it->second].rate_points.push_back(cell.rate_point);
      break;
    }
  }
  return curves;
}

std::vector<CodecBdChange> compare_run_bd(const RunResults& base, const RunResults& current,
                                          const HigherIsBetter& higher_is_better,
                                          const std::function<bool(const std::string&)>& is_rate_value) {
  // (dataset, codec) pairs and their metric values, in base's order.
  std::vector<std::pair<std::string, std::string>> groups;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> metrics;
  for (const CellResult& cell : base.cells) {
    if (!cell.ok()) continue;
    const std::pair<std::string, std::string> group{cell.dataset, cell.codec};
    add_once(groups, group);
    for (const MetricValue& v : cell.metrics) {
      if (v.available && std::isfinite(v.value) && !is_rate_value(v.name)) add_once(metrics[group], v.name);
    }
  }
  std::vector<CodecBdChange> out;
  for (const auto& group : groups) {
    for (const std::string& metric : metrics[group]) {
      const std::vector<BdCurve> anchor = cell_bd_curves(base.cells, group.first, group.second, metric);
      const std::vector<BdCurve> test = cell_bd_curves(current.cells, group.first, group.second, metric);
      if (test.empty()) continue;
      out.push_back({group.first, group.second, metric,
                     compare_bd_curves(anchor, test, kCompareBdMethod, higher_is_better(metric)),
                     mean_points(anchor), mean_points(test)});
    }
  }
  return out;
}

}  // namespace tgvc
