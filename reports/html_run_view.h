// The run grouped the way the report presents it (datasets, sequences, codecs, rate points,
// plotted metrics), computed once and shared by the report's sections.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "reports/html_report.h"

namespace tgvc {

struct DatasetView {
  std::string name;
  std::vector<std::string> sequences;                 // order of first appearance
  std::vector<size_t> codecs;                         // indices into RunView::codecs, run order
  std::vector<std::vector<std::string>> rate_points;  // per entry of `codecs`, order of first appearance
  // cells[s][c][r]: sequence s, entry c of `codecs`, rate point r of it; nullptr when absent.
  std::vector<std::vector<std::vector<const CellResult*>>> cells;
  size_t cell_count = 0;
  size_t ok_count = 0;
};

struct RunView {
  const RunResults* run = nullptr;
  std::vector<std::string> codecs;           // order of first appearance
  std::vector<std::string> metrics;          // plotted, primary ones first
  size_t shown_metrics = 0;                  // metrics[0, shown_metrics) get the main plots and BD columns
  std::map<std::string, std::string> units;  // metric -> unit of its first available value
  std::string anchor;
  RateAxis rate_axis = RateAxis::kBpp;
  std::vector<DatasetView> datasets;
  size_t ok_count = 0;
  size_t failed_count = 0;
  size_t duplicate_cells = 0;  // same dataset, sequence, codec and rate point as an earlier cell: ignored
};

// Throws InputError("anchor" / "metrics", ...) for an anchor or metric the run does not have.
RunView make_run_view(const RunResults& run, const HtmlReportOptions& options);

// The named value of a cell; nullptr when the cell has none.
const MetricValue* find_value(const CellResult& cell, const std::string& name);
// The value when the cell is ok and the metric available and finite; NaN otherwise.
double usable_value(const CellResult& cell, const std::string& name);
double rate_of(const CellResult& cell, RateAxis axis);
const char* rate_axis_name(RateAxis axis);

// "psnr_y (dB)" or "lpips_alex" for a unitless metric.
std::string metric_label(const RunView& view, const std::string& metric);
// A fixed colour per codec index (colour-blind-safe palette, repeating after ten).
const char* codec_color(size_t codec_index);

}  // namespace tgvc
