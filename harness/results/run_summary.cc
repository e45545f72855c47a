#include "harness/results/run_summary.h"

#include <cassert>
#include <cmath>

namespace tgvc {

std::vector<BdCurve> dataset_curves(const DatasetGrid& d, size_t c, const std::string& metric,
                                    RateAxis axis) {
  std::vector<BdCurve> curves;
  for (size_t s = 0; s < d.sequences.size(); ++s) {
    BdCurve curve{d.name, d.sequences[s], {}};
    for (size_t r = 0; r < d.cells[s][c].size(); ++r) {
      const CellResult* cell = d.cells[s][c][r];
      if (cell == nullptr) continue;
      const double v = usable_value(*cell, metric);
      const double rate = rate_of(*cell, axis);
      if (!std::isfinite(v) || !std::isfinite(rate) || rate <= 0) continue;
      curve.points.push_back({rate, v});
      curve.rate_points.push_back(d.rate_points[c][r]);
    }
    curves.push_back(std::move(curve));
  }
  return curves;
}

RunSummary summarise_run(const RunGrid& grid, const SummaryRequest& request) {
  RunSummary out;
  for (const DatasetGrid& d : grid.datasets) {
    DatasetSummary ds;
    ds.anchor = d.codecs.size();
    for (size_t c = 0; c < d.codecs.size(); ++c) {
      if (!request.anchor.empty() && grid.codecs[d.codecs[c]] == request.anchor) ds.anchor = c;
    }
    ds.codecs.assign(d.codecs.size(), std::vector<CodecMetricSummary>(request.metrics.size()));
    for (size_t c = 0; c < d.codecs.size(); ++c) {
      for (size_t m = 0; m < request.metrics.size(); ++m) {
        CodecMetricSummary& cm = ds.codecs[c][m];
        cm.curves = dataset_curves(d, c, request.metrics[m], request.rate_axis);
        cm.means = mean_points(cm.curves);
      }
    }
    if (ds.anchor < d.codecs.size()) {
      for (size_t c = 0; c < d.codecs.size(); ++c) {
        for (size_t m = 0; m < request.metrics.size() && m < request.bd_metric_count && c != ds.anchor; ++m) {
          assert(request.higher_is_better);
          CodecMetricSummary& cm = ds.codecs[c][m];
          cm.has_bd = true;
          cm.bd = compare_bd_curves(ds.codecs[ds.anchor][m].curves, cm.curves, request.method,
                                    request.higher_is_better(request.metrics[m]));
        }
      }
    }
    for (size_t s = 0; s < d.sequences.size(); ++s) ds.matched.push_back(match_bpp(d.cells[s]));
    out.datasets.push_back(std::move(ds));
  }
  return out;
}

}  // namespace tgvc
