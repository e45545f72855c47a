// Per-frame quality of each sequence: one line per codec and rate point, folded per sequence.
#include <cmath>

#include <fmt/format.h>

#include "reports/html_sections.h"
#include "reports/html_svg_plot.h"

namespace tgvc {
namespace {

bool has_frames(const DatasetView& d, size_t s, const std::string& metric) {
  for (const auto& by_rate : d.cells[s]) {
    for (const CellResult* cell : by_rate) {
      if (cell == nullptr || !cell->ok()) continue;
      const MetricValue* v = find_value(*cell, metric);
      if (v != nullptr && v->available && !v->per_frame.empty()) return true;
    }
  }
  return false;
}

std::string frame_plot(const RunView& view, const DatasetView& d, size_t s, const std::string& metric) {
  PlotSpec spec;
  spec.title = d.sequences[s] + ": " + metric + " per frame";
  spec.x_label = "frame";
  spec.y_label = metric_label(view, metric);
  spec.x_scale = XScale::kLinear;
  spec.width = 440;
  spec.height = 260;
  for (size_t c = 0; c < d.codecs.size(); ++c) {
    const size_t rates = d.cells[s][c].size();
    for (size_t r = 0; r < rates; ++r) {
      const CellResult* cell = d.cells[s][c][r];
      if (cell == nullptr || !cell->ok()) continue;
      const MetricValue* v = find_value(*cell, metric);
      if (v == nullptr || !v->available || v->per_frame.empty()) continue;
      PlotSeries series;
      series.label = cell->codec + " " + cell->rate_point;
      series.color = codec_color(d.codecs[c]);
      series.marker = MarkerShape::kNone;
      // Lower rate points lighter, so that a codec's lines read as one family.
      series.opacity = 0.35 + 0.65 * static_cast<double>(r + 1) / static_cast<double>(rates);
      series.points.reserve(v->per_frame.size());
      for (size_t f = 0; f < v->per_frame.size(); ++f) {
        series.points.push_back({static_cast<double>(f), v->per_frame[f], std::string(), false});
      }
      spec.series.push_back(std::move(series));
    }
  }
  return svg_line_plot(spec);
}

}  // namespace

void write_frame_plots(const RunView& view, const DatasetView& d, Html& html) {
  html.element("h3", "Per-frame quality");
  bool any = false;
  for (size_t s = 0; s < d.sequences.size(); ++s) {
    std::vector<size_t> metrics;
    for (size_t m = 0; m < view.shown_metrics; ++m) {
      if (has_frames(d, s, view.metrics[m])) metrics.push_back(m);
    }
    if (metrics.empty()) continue;
    any = true;
    html.open("details").element("summary", d.sequences[s]).open("div", {{"class", "plots"}});
    for (size_t m : metrics) {
      html.open("figure", {{"class", "fig"}}).raw(frame_plot(view, d, s, view.metrics[m])).close("figure");
    }
    html.close("div").close("details");
  }
  if (!any) {
    html.element("p", "No metric of this dataset reported per-frame values.", {{"class", "note"}});
    return;
  }
  html.element(
      "p",
      "One line per codec and rate point (lighter: lower rate point), frames in coding order from 0. "
      "Open a sequence to see its plots.",
      {{"class", "caption"}});
}

}  // namespace tgvc
