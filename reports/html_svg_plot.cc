#include "reports/html_svg_plot.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "reports/html_plot_axis.h"
#include "reports/html_writer.h"

namespace tgvc {
namespace {

constexpr double kLeft = 60;
constexpr double kRight = 14;
constexpr double kTop = 28;
constexpr double kBottom = 44;
constexpr double kLegendRow = 18;
constexpr double kCharWidth = 6.6;  // of the 11 px legend font, generous so that labels never overlap

struct LegendEntry {
  const PlotSeries* series;
  double x;
  double y;
};

bool usable(const PlotPoint& p, bool log_x) {
  return std::isfinite(p.x) && std::isfinite(p.y) && (!log_x || p.x > 0);
}

std::vector<LegendEntry> layout_legend(const std::vector<PlotSeries>& series, double width, double top) {
  std::vector<LegendEntry> entries;
  double x = kLeft;
  double y = top;
  for (const PlotSeries& s : series) {
    if (s.label.empty()) continue;
    const double w = 30 + kCharWidth * static_cast<double>(s.label.size()) + 14;
    if (x > kLeft && x + w > width - kRight) {
      x = kLeft;
      y += kLegendRow;
    }
    entries.push_back({&s, x, y});
    x += w;
  }
  return entries;
}

// A data point's marker (`p`; nullptr: a legend's) carries data-x and data-y, the point's exact
// numbers (e.g. the summary's per-dataset means) that its tooltip rounds.
void marker(std::string& out, const PlotSeries& s, const PlotPoint* p, double x, double y, bool hollow) {
  const std::string fill = hollow ? "#fff" : s.color;
  if (s.marker == MarkerShape::kSquare) {
    out += "<rect x=\"";
    append_coordinate(out, x - 3.5);
    out += "\" y=\"";
    append_coordinate(out, y - 3.5);
    out += "\" width=\"7\" height=\"7\"";
  } else {
    out += "<circle cx=\"";
    append_coordinate(out, x);
    out += "\" cy=\"";
    append_coordinate(out, y);
    out += "\" r=\"3.6\"";
  }
  if (p != nullptr) fmt::format_to(std::back_inserter(out), " data-x=\"{}\" data-y=\"{}\"", p->x, p->y);
  fmt::format_to(std::back_inserter(out), " fill=\"{}\" stroke=\"{}\" stroke-width=\"1.5\">", fill, s.color);
  if (p != nullptr && !p->tooltip.empty()) {
    out += "<title>";
    append_escaped(out, p->tooltip);
    out += "</title>";
  }
  out += s.marker == MarkerShape::kSquare ? "</rect>" : "</circle>";
}

}  // namespace

std::string svg_line_plot(const PlotSpec& spec) {
  // Ranges over every drawable point of every series.
  double x_min = std::numeric_limits<double>::infinity(), x_max = -x_min;
  double y_min = x_min, y_max = -x_min;
  double x_min_positive = x_min;
  for (const PlotSeries& s : spec.series) {
    for (const PlotPoint& p : s.points) {
      if (!usable(p, false)) continue;
      x_min = std::min(x_min, p.x);
      x_max = std::max(x_max, p.x);
      y_min = std::min(y_min, p.y);
      y_max = std::max(y_max, p.y);
      if (p.x > 0) x_min_positive = std::min(x_min_positive, p.x);
    }
  }
  const bool has_data = x_min <= x_max;
  bool log_x = spec.x_scale == XScale::kLog;
  if (spec.x_scale == XScale::kAuto) log_x = has_data && wants_log_axis(x_min, x_max);
  if (log_x && !(x_min_positive <= x_max)) log_x = false;  // nothing positive to draw on a log axis

  const double width = spec.width;
  const std::vector<LegendEntry> legend = layout_legend(spec.series, width, spec.height + 2);
  const double height = legend.empty() ? spec.height : legend.back().y + kLegendRow;
  const double plot_w = width - kLeft - kRight;
  const double plot_h = spec.height - kTop - kBottom;

  std::string out;
  out.reserve(4096);
  fmt::format_to(std::back_inserter(out),
                 "<svg class=\"plot\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" "
                 "data-series=\"{2}\" aria-label=\"",
                 width, height, spec.series.size());
  append_escaped(out, spec.title);
  out += "\"><title>";
  append_escaped(out, spec.title);
  out += "</title><text class=\"pt\" x=\"";
  append_coordinate(out, kLeft);
  out += "\" y=\"17\">";
  append_escaped(out, spec.title);
  out += "</text>";
  fmt::format_to(std::back_inserter(out), "<rect class=\"pa\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                 kLeft, kTop, plot_w, plot_h);

  if (!has_data) {
    fmt::format_to(std::back_inserter(out), "<text class=\"nd\" x=\"{}\" y=\"{}\">no data</text>",
                   kLeft + plot_w / 2, kTop + plot_h / 2);
  } else {
    const Axis x_axis = log_x ? log_axis(x_min_positive, x_max) : linear_axis(x_min, x_max, 5);
    const Axis y_axis = linear_axis(y_min, y_max, 5);
    auto px = [&](double x) { return kLeft + x_axis.fraction(x) * plot_w; };
    auto py = [&](double y) { return kTop + (1 - y_axis.fraction(y)) * plot_h; };

    // Grid and tick labels.
    for (const AxisTick& t : x_axis.ticks) {
      const double x = px(t.value);
      out += t.label.empty() ? "<line class=\"gm\" x1=\"" : "<line class=\"g\" x1=\"";
      append_coordinate(out, x);
      out += "\" x2=\"";
      append_coordinate(out, x);
      fmt::format_to(std::back_inserter(out), "\" y1=\"{}\" y2=\"{}\"/>", kTop, kTop + plot_h);
      if (t.label.empty()) continue;
      out += "<text class=\"tx\" x=\"";
      append_coordinate(out, x);
      fmt::format_to(std::back_inserter(out), "\" y=\"{}\">", kTop + plot_h + 15);
      append_escaped(out, t.label);
      out += "</text>";
    }
    for (const AxisTick& t : y_axis.ticks) {
      const double y = py(t.value);
      fmt::format_to(std::back_inserter(out), "<line class=\"g\" x1=\"{}\" x2=\"{}\" y1=\"", kLeft,
                     kLeft + plot_w);
      append_coordinate(out, y);
      out += "\" y2=\"";
      append_coordinate(out, y);
      fmt::format_to(std::back_inserter(out), "\"/><text class=\"ty\" x=\"{}\" y=\"", kLeft - 6);
      append_coordinate(out, y + 4);
      out += "\">";
      append_escaped(out, t.label);
      out += "</text>";
    }

    // Series: line first, then markers on top.
    for (const PlotSeries& s : spec.series) {
      out += "<g";
      if (s.opacity < 1) fmt::format_to(std::back_inserter(out), " opacity=\"{:.2f}\"", s.opacity);
      out += "><title>";
      append_escaped(out, s.label);
      out += "</title>";
      size_t drawn = 0;
      for (const PlotPoint& p : s.points) drawn += usable(p, log_x) ? 1 : 0;
      if (drawn >= 2) {
        fmt::format_to(std::back_inserter(out),
                       "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"1.8\"{} points=\"", s.color,
                       s.dashed ? " stroke-dasharray=\"5 3\"" : "");
        bool first = true;
        for (const PlotPoint& p : s.points) {
          if (!usable(p, log_x)) continue;
          if (!first) out.push_back(' ');
          first = false;
          append_coordinate(out, px(p.x));
          out.push_back(',');
          append_coordinate(out, py(p.y));
        }
        out += "\"/>";
      }
      if (s.marker != MarkerShape::kNone) {
        for (const PlotPoint& p : s.points) {
          if (usable(p, log_x)) marker(out, s, &p, px(p.x), py(p.y), s.hollow || p.partial);
        }
      }
      out += "</g>";
    }
  }

  // Axis labels.
  fmt::format_to(std::back_inserter(out), "<text class=\"xl\" x=\"{}\" y=\"{}\">", kLeft + plot_w / 2,
                 spec.height - 8);
  append_escaped(out, spec.x_label + (log_x ? " (log scale)" : ""));
  fmt::format_to(std::back_inserter(out),
                 "</text><text class=\"yl\" transform=\"translate(14 {}) rotate(-90)\">", kTop + plot_h / 2);
  append_escaped(out, spec.y_label);
  out += "</text>";

  // Legend: a short line with the series' marker, then its label.
  for (const LegendEntry& e : legend) {
    const PlotSeries& s = *e.series;
    out += "<g class=\"lg\"";
    if (s.opacity < 1) fmt::format_to(std::back_inserter(out), " opacity=\"{:.2f}\"", s.opacity);
    fmt::format_to(std::back_inserter(out),
                   "><line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\"{}/>", e.x,
                   e.x + 22, e.y + 4, e.y + 4, s.color, s.dashed ? " stroke-dasharray=\"5 3\"" : "");
    if (s.marker != MarkerShape::kNone) marker(out, s, nullptr, e.x + 11, e.y + 4, s.hollow);
    fmt::format_to(std::back_inserter(out), "<text x=\"{}\" y=\"{}\">", e.x + 28, e.y + 8);
    append_escaped(out, s.label);
    out += "</text></g>";
  }
  out += "</svg>";
  return out;
}

}  // namespace tgvc
