#include "harness/run/set_metrics.h"

#include <fmt/format.h>

#include "harness/metrics/per_set_metric.h"

namespace tgvc {
namespace {

std::vector<MetricValue> unavailable_values(const PerSetMetric& metric, const std::string& reason) {
  std::vector<MetricValue> out;
  for (const std::string& name : metric.value_names()) {
    MetricValue v;
    v.name = name;
    v.available = false;
    v.reason = reason;
    out.push_back(std::move(v));
  }
  return out;
}

// The set's values, or n/a naming the first cell that failed or gave no contribution.
std::vector<MetricValue> set_values(const PerSetMetric& metric, const ParamSet& options,
                                    const std::vector<const CellResult*>& members) {
  std::vector<SetContribution> contributions;
  for (const CellResult* r : members) {
    if (!r->ok()) {
      return unavailable_values(metric, fmt::format("cell {} failed ({}: {}); a set needs all its cells",
                                                    r->cell_id, to_string(r->stage), r->error));
    }
    const SetContribution* found = nullptr;
    for (const SetContribution& c : r->set_contributions) {
      if (c.metric == metric.id()) found = &c;
    }
    if (!found)
      return unavailable_values(metric, "cell " + r->cell_id + " has no " + metric.id() + " features");
    contributions.push_back(*found);
  }
  try {
    return metric.finish(contributions, options);
  } catch (const std::exception& e) {
    return unavailable_values(metric, e.what());
  }
}

}  // namespace

std::vector<SetResult> compute_set_metrics(const Experiment& e, const std::vector<Cell>& cells,
                                           const std::vector<CellResult>& results) {
  std::vector<SetResult> sets;
  for (const MetricSpec& spec : e.metrics) {
    if (!spec.per_set) continue;
    const PerSetMetric& metric = *find_per_set_metric(spec.id);
    const ParamSet options = ParamSet::resolve(metric.param_specs(), spec.options, "metrics." + spec.id);
    for (size_t codec = 0; codec < e.codecs.size(); ++codec) {
      for (size_t point = 0; point < e.codecs[codec].rate_points.size(); ++point) {
        SetResult set;
        set.metric = spec.id;
        set.codec = e.codecs[codec].name;
        set.rate_point = e.codecs[codec].rate_points[point].label;
        std::vector<const CellResult*> members;
        double bpp = 0, kbps = 0;
        for (size_t i = 0; i < cells.size(); ++i) {
          if (cells[i].codec != codec || cells[i].rate_point != point) continue;
          const CellResult& r = results[i];
          members.push_back(&r);
          set.sequences.push_back(r.dataset + "/" + r.sequence);
          bpp += r.bpp;
          kbps += r.kbps;
        }
        if (members.empty()) continue;
        set.bpp = bpp / static_cast<double>(members.size());
        set.kbps = kbps / static_cast<double>(members.size());
        set.values = set_values(metric, options, members);
        sets.push_back(std::move(set));
      }
    }
  }
  return sets;
}

}  // namespace tgvc
