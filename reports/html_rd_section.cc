// R-D curves per dataset and metric: each codec's rate points averaged over the dataset's
// sequences, the paper's published points beside them, per-sequence curves folded away.
#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "reports/html_sections.h"
#include "reports/html_svg_plot.h"

namespace tgvc {
namespace {

constexpr size_t kAllSequences = static_cast<size_t>(-1);

std::string lower_alnum(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

PlotPoint plot_point(const RunView& view, const std::string& codec, const std::string& metric,
                     const std::string& rate_point, double rate, double value) {
  PlotPoint p;
  p.x = rate;
  p.y = value;
  p.tooltip = fmt::format("{} · {}\n{} {} · {} {}", codec, rate_point, format_number(p.x),
                          rate_axis_name(view.rate_axis), metric, format_number(p.y));
  return p;
}

// One codec's curve of metric m: the summary's per-dataset means (kRdMeanRule), or the points of
// the one sequence `only`.
PlotSeries codec_series(const RunView& view, const DatasetView& d, size_t c, size_t m, size_t only) {
  PlotSeries series;
  series.label = view.codecs[d.codecs[c]];
  series.color = codec_color(d.codecs[c]);
  const std::string& metric = view.metrics[m];
  const CodecMetricSummary& summary = summary_of(view, d).codecs[c][m];
  if (only == kAllSequences) {
    const size_t expected = d.sequences.size();
    for (const MeanPoint& mean : summary.means) {
      PlotPoint p = plot_point(view, series.label, metric, mean.rate_point, mean.rate, mean.value);
      p.partial = mean.count < expected;
      p.tooltip += fmt::format("\nmean over {} of {} sequences", mean.count, expected);
      series.points.push_back(std::move(p));
    }
  } else {
    const BdCurve& curve = summary.curves[only];
    for (size_t i = 0; i < curve.points.size(); ++i) {
      series.points.push_back(plot_point(view, series.label, metric, curve.rate_points[i],
                                         curve.points[i].rate, curve.points[i].quality));
    }
  }
  std::stable_sort(series.points.begin(), series.points.end(),
                   [](const PlotPoint& a, const PlotPoint& b) { return a.x < b.x; });
  return series;
}

// The paper's points for this dataset and metric, one dashed series per paper codec.
void add_paper_series(const RunView& view, const DatasetView& d, const std::vector<PaperPoint>& paper,
                      const std::string& metric, std::vector<PlotSeries>& out) {
  static const char* const kPaperColors[] = {"#555555", "#8c6d31", "#7b4173",
                                             "#637939", "#843c39", "#3182bd"};
  const std::string column = paper_column_for_metric(metric);
  if (column.empty() || view.rate_axis != RateAxis::kBpp) return;
  std::vector<PlotSeries> series;
  for (const PaperPoint& p : paper) {
    if (!same_dataset_name(p.dataset, d.name)) continue;
    const auto value = p.values.find(column);
    if (value == p.values.end()) continue;
    const std::string label = "paper: " + p.codec;
    auto it =
        std::find_if(series.begin(), series.end(), [&](const PlotSeries& s) { return s.label == label; });
    if (it == series.end()) {
      PlotSeries s;
      s.label = label;
      s.dashed = true;
      s.hollow = true;
      s.marker = MarkerShape::kSquare;
      // The paper's curve of one of our codecs shares its colour.
      s.color = kPaperColors[series.size() % (sizeof(kPaperColors) / sizeof(kPaperColors[0]))];
      for (size_t i = 0; i < view.codecs.size(); ++i) {
        if (lower_alnum(view.codecs[i]) == lower_alnum(p.codec)) s.color = codec_color(i);
      }
      series.push_back(std::move(s));
      it = series.end() - 1;
    }
    it->points.push_back(
        {p.bpp, value->second,
         fmt::format("{} (paper, {}) · {} bpp · {} {}", p.codec, p.source.empty() ? "published" : p.source,
                     format_number(p.bpp), column, format_number(value->second)),
         false});
  }
  for (PlotSeries& s : series) {
    std::stable_sort(s.points.begin(), s.points.end(),
                     [](const PlotPoint& a, const PlotPoint& b) { return a.x < b.x; });
    out.push_back(std::move(s));
  }
}

std::string rd_plot(const RunView& view, const DatasetView& d, size_t m, size_t only,
                    const std::vector<PaperPoint>* paper, int width, int height) {
  const std::string& metric = view.metrics[m];
  PlotSpec spec;
  spec.title = only == kAllSequences ? d.name + ": " + metric : d.sequences[only] + ": " + metric;
  spec.x_label = std::string("rate (") + rate_axis_name(view.rate_axis) + ")";
  spec.y_label = metric_label(view, metric);
  spec.width = width;
  spec.height = height;
  for (size_t c = 0; c < d.codecs.size(); ++c) spec.series.push_back(codec_series(view, d, c, m, only));
  if (paper != nullptr) add_paper_series(view, d, *paper, metric, spec.series);
  return svg_line_plot(spec);
}

void plot_grid(const RunView& view, const DatasetView& d, size_t first, size_t last, size_t only,
               const std::vector<PaperPoint>* paper, int width, int height, Html& html) {
  html.open("div", {{"class", "plots"}});
  for (size_t m = first; m < last; ++m) {
    html.open("figure", {{"class", "fig"}})
        .raw(rd_plot(view, d, m, only, paper, width, height))
        .close("figure");
  }
  html.close("div");
}

}  // namespace

void write_rd_section(const RunView& view, const DatasetView& d, const std::vector<PaperPoint>& paper,
                      Html& html) {
  html.element("h3", "Rate-distortion curves");
  if (view.metrics.empty()) {
    html.element("p", "No metric has a value in this run.", {{"class", "note"}});
    return;
  }
  plot_grid(view, d, 0, view.shown_metrics, kAllSequences, &paper, 540, 320, html);
  const bool paper_drawn = !paper.empty() && view.rate_axis == RateAxis::kBpp;
  html.element(
      "p",
      fmt::format("Each point is one rate point of a codec: the mean {} and the mean metric value over the "
                  "{} sequences of the dataset whose cell succeeded and measured the value (a hollow "
                  "marker: fewer than all of them). Hover a marker for its numbers.{}",
                  rate_axis_name(view.rate_axis), d.sequences.size(),
                  paper_drawn ? " Dashed lines with hollow squares are the T-GVC paper's published points "
                                "(arXiv 2507.07633; each marker says whether the value is exact or "
                                "digitised from a figure), measured with the paper's own protocol."
                              : ""),
      {{"class", "caption"}});
  if (view.metrics.size() > view.shown_metrics) {
    html.open("details").element("summary",
                                 fmt::format("More metrics ({})", view.metrics.size() - view.shown_metrics));
    plot_grid(view, d, view.shown_metrics, view.metrics.size(), kAllSequences, &paper, 540, 320, html);
    html.close("details");
  }
  html.open("details").element("summary",
                               fmt::format("Per-sequence R-D curves ({} sequences)", d.sequences.size()));
  for (size_t s = 0; s < d.sequences.size(); ++s)
    plot_grid(view, d, 0, view.shown_metrics, s, nullptr, 340, 240, html);
  html.close("details");
}

}  // namespace tgvc
