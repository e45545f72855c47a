#include "reports/html_run_view.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "harness/core/error.h"
#include "reports/main_metrics.h"

namespace tgvc {
namespace {

template <typename T>
size_t index_of(std::vector<T>& list, const T& value) {
  const auto it = std::find(list.begin(), list.end(), value);
  if (it != list.end()) return static_cast<size_t>(it - list.begin());
  list.push_back(value);
  return list.size() - 1;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

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
  view.run = &run;
  view.rate_axis = options.rate_axis;

  std::vector<std::string> seen_metrics;  // every value name, in order of first appearance
  std::vector<std::string> numeric;       // those with at least one usable number
  std::vector<std::string> headlines;     // each metric's headline value, as the runner recorded it
  std::unordered_map<std::string, size_t> dataset_index;
  for (const CellResult& cell : run.cells) {
    index_of(view.codecs, cell.codec);
    for (const std::string& h : cell.headline_values) index_of(headlines, h);
    cell.ok() ? ++view.ok_count : ++view.failed_count;
    for (const MetricValue& v : cell.metrics) {
      index_of(seen_metrics, v.name);
      if (cell.ok() && v.available && std::isfinite(v.value)) {
        index_of(numeric, v.name);
        view.units.emplace(v.name, v.unit);
      }
    }
    if (dataset_index.emplace(cell.dataset, view.datasets.size()).second) {
      view.datasets.emplace_back();
      view.datasets.back().name = cell.dataset;
    }
  }

  // Group the cells: dataset -> sequence x codec x rate point.
  for (const CellResult& cell : run.cells) {
    DatasetView& d = view.datasets[dataset_index.at(cell.dataset)];
    const size_t codec = static_cast<size_t>(std::find(view.codecs.begin(), view.codecs.end(), cell.codec) -
                                             view.codecs.begin());
    const size_t s = index_of(d.sequences, cell.sequence);
    const size_t c = index_of(d.codecs, codec);
    if (d.rate_points.size() <= c) d.rate_points.resize(c + 1);
    const size_t r = index_of(d.rate_points[c], cell.rate_point);
    if (d.cells.size() <= s) d.cells.resize(s + 1);
    if (d.cells[s].size() <= c) d.cells[s].resize(c + 1);
    if (d.cells[s][c].size() <= r) d.cells[s][c].resize(r + 1, nullptr);
    if (d.cells[s][c][r] != nullptr) {
      ++view.duplicate_cells;
      continue;
    }
    d.cells[s][c][r] = &cell;
    ++d.cell_count;
    d.ok_count += cell.ok() ? 1 : 0;
  }
  // Ragged grids padded so that every [s][c][r] of a dataset exists.
  for (DatasetView& d : view.datasets) {
    d.cells.resize(d.sequences.size());
    for (auto& by_codec : d.cells) {
      by_codec.resize(d.codecs.size());
      for (size_t c = 0; c < d.codecs.size(); ++c) by_codec[c].resize(d.rate_points[c].size(), nullptr);
    }
  }
  // Codecs of a dataset in run order.
  for (DatasetView& d : view.datasets) {
    std::vector<size_t> order(d.codecs.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return d.codecs[a] < d.codecs[b]; });
    DatasetView sorted = d;
    for (size_t i = 0; i < order.size(); ++i) {
      sorted.codecs[i] = d.codecs[order[i]];
      sorted.rate_points[i] = d.rate_points[order[i]];
      for (size_t s = 0; s < d.sequences.size(); ++s) sorted.cells[s][i] = d.cells[s][order[i]];
    }
    d = std::move(sorted);
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
  return view;
}

}  // namespace tgvc
