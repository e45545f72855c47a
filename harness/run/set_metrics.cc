#include "harness/run/set_metrics.h"

#include <fmt/format.h>

#include "harness/metrics/metric_values.h"
#include "harness/metrics/registry.h"

namespace tgvc {
namespace {

// The set's values, or n/a naming the first cell that failed or gave no contribution.
std::vector<MetricValue> set_values(const PerSetMetric& metric, const ParamSet& options,
                                    const std::vector<const CellResult*>& members) {
  const MetricDescriptor& d = metric.descriptor();
  std::vector<SetContribution> contributions;
  for (const CellResult* r : members) {
    if (!r->ok()) {
      return unavailable_values(d, options,
                                fmt::format("cell {} failed ({}: {}); a set needs all its cells", r->cell_id,
                                            to_string(r->stage), r->error));
    }
    const SetContribution* found = nullptr;
    for (const SetContribution& c : r->set_contributions) {
      if (c.metric == d.id) found = &c;
    }
    if (!found) return unavailable_values(d, options, "cell " + r->cell_id + " has no " + d.id + " features");
    contributions.push_back(*found);
  }
  try {
    return metric.finish(contributions, options);
  } catch (const std::exception& e) {
    return unavailable_values(d, options, e.what());
  }
}

}  // namespace

std::vector<SetResult> compute_set_metrics(const Experiment& e, const std::vector<Cell>& cells,
                                           const std::vector<CellResult>& results) {
  std::vector<SetResult> sets;
  for (const MetricSpec& spec : e.metrics) {
    if (!spec.per_set) continue;
    const PerSetMetric& metric = *find_metric(spec.id)->per_set;
    const ParamSet options =
        ParamSet::resolve(metric.descriptor().options, spec.options, "metrics." + spec.id);
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
