#include "reports/html_run_view.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "harness/core/error.h"
#include "reports/main_metrics.h"
#include "reports/metric_direction.h"

namespace tgvc {
namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// The summary step over the plotted metrics, BD for the shown ones; the direction of each value
// from metric_higher_is_better.
void add_summary(RunView& view, const HtmlReportOptions& options) {
  SummaryRequest request;
  request.metrics = view.metrics;
  request.bd_metric_count = view.shown_metrics;
  request.higher_is_better = [](const std::string& name) { return metric_higher_is_better(name); };
  request.anchor = view.anchor;
  request.method = options.bd_method;
  request.rate_axis = view.rate_axis;
  view.summary = summarise_run(view, request);
}

}  // namespace

const DatasetSummary& summary_of(const RunView& view, const DatasetView& d) {
  const size_t index = static_cast<size_t>(&d - view.datasets.data());
  assert(index < view.summary.datasets.size());
  return view.summary.datasets[index];
}

std::string metric_label(const RunView& view, const std::string& metric) {
  const auto it = view.units.find(metric);
  return it == view.units.end() || it->second.empty() ? metric : metric + " (" + it->second + ")";
}

const char* codec_color(size_t codec_index) {
  // Okabe-Ito and Tableau colours that stay apart for colour-blind readers and in greyscale.
  static const char* const kPalette[] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00",
                                         "#56b4e9", "#6a3d9a", "#8c564b", "#4d4d4d", "#b8860b"};
  return kPalette[codec_index % (sizeof(kPalette) / sizeof(kPalette[0]))];
}

RunView make_run_view(const RunResults& run, const HtmlReportOptions& options) {
  RunView view;
  static_cast<RunGrid&>(view) = group_cells(run.cells);
  view.run = &run;
  view.rate_axis = options.rate_axis;

  std::vector<std::string> seen_metrics;  // every value name, in order of first appearance
  std::vector<std::string> numeric;       // those with at least one usable number
  std::vector<std::string> headlines;     // each metric's headline value, as the runner recorded it
  for (const CellResult& cell : run.cells) {
    for (const std::string& h : cell.headline_values) index_of_or_append(headlines, h);
    for (const MetricValue& v : cell.metrics) {
      index_of_or_append(seen_metrics, v.name);
      if (cell.ok() && v.available && std::isfinite(v.value)) {
        index_of_or_append(numeric, v.name);
        view.units.emplace(v.name, v.unit);
      }
    }
  }

  if (options.anchor.empty()) {
    if (!view.codecs.empty()) view.anchor = view.codecs.front();
  } else if (std::find(view.codecs.begin(), view.codecs.end(), options.anchor) == view.codecs.end()) {
    throw InputError("anchor", "one of the run's codecs: " + joined(view.codecs), options.anchor);
  } else {
    view.anchor = options.anchor;
  }

  if (!options.metrics.empty()) {
    for (const std::string& m : options.metrics) {
      if (std::find(seen_metrics.begin(), seen_metrics.end(), m) == seen_metrics.end()) {
        throw InputError("metrics", "metrics the run measured: " + joined(seen_metrics), m);
      }
      if (std::find(view.metrics.begin(), view.metrics.end(), m) == view.metrics.end())
        view.metrics.push_back(m);
    }
    view.shown_metrics = view.metrics.size();
    add_summary(view, options);
    return view;
  }
  // Main metrics (reports/main_metrics.h): the table's names and every metric's headline.
  const std::vector<std::string> primary = order_main_metrics(numeric, headlines);
  std::vector<std::string> others;
  for (const std::string& m : numeric) {
    if (std::find(primary.begin(), primary.end(), m) == primary.end()) others.push_back(m);
  }
  view.metrics = primary;
  view.metrics.insert(view.metrics.end(), others.begin(), others.end());
  // Without any primary metric, the first few give the main plots.
  view.shown_metrics = primary.empty() ? std::min<size_t>(4, view.metrics.size()) : primary.size();
  add_summary(view, options);
  return view;
}

}  // namespace tgvc
