// Line plots as inline SVG (R-D curves, per-frame quality): axes, ticks, grid, legend, markers
// with tooltips, linear or log x. Self-contained markup: no fonts, scripts or links.
#pragma once

#include <string>
#include <vector>

namespace tgvc {

struct PlotPoint {
  double x = 0;
  double y = 0;
  std::string tooltip;   // shown on hover over the marker; escaped when written
  bool partial = false;  // drawn hollow: e.g. an average over fewer sequences than the others
};

enum class MarkerShape { kNone, kCircle, kSquare };

struct PlotSeries {
  std::string label;  // legend text; escaped when written
  std::string color;  // a CSS colour of ours ("#1f77b4"), never text from results
  bool dashed = false;
  bool hollow = false;  // every marker hollow (the paper's points)
  MarkerShape marker = MarkerShape::kCircle;
  double opacity = 1;
  std::vector<PlotPoint> points;  // drawn in the given order; non-finite points are skipped
};

enum class XScale { kAuto, kLinear, kLog };

struct PlotSpec {
  std::string title;  // escaped when written
  std::string x_label;
  std::string y_label;
  XScale x_scale = XScale::kAuto;  // kAuto: log when x is positive and spans more than a decade
  int width = 440;                 // of the whole figure, legend excluded
  int height = 280;
  std::vector<PlotSeries> series;
};

// The figure as an <svg class="plot"> element. A plot without any finite point says "no data".
std::string svg_line_plot(const PlotSpec& spec);

}  // namespace tgvc
