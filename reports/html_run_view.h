// The run as the report presents it: the grouped cells (harness/results/run_grid.h), the plotted
// metrics and the summary step's means, BD values and matched-rate picks, computed once and
// rendered by the report's sections.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "harness/results/run_grid.h"
#include "harness/results/run_summary.h"
#include "reports/html_report.h"

namespace tgvc {

// One dataset's cells, as the sections call them.
using DatasetView = DatasetGrid;

// codecs, datasets and the counts come from the grid.
struct RunView : RunGrid {
  const RunResults* run = nullptr;
  std::vector<std::string> metrics;          // plotted, primary ones first
  size_t shown_metrics = 0;                  // metrics[0, shown_metrics) get the main plots and BD columns
  std::map<std::string, std::string> units;  // metric -> unit of its first available value
  std::string anchor;
  RateAxis rate_axis = RateAxis::kBpp;
  // The summary step over `metrics` (BD for the first shown_metrics), parallel to `datasets`.
  RunSummary summary;
};

// Throws InputError("anchor" / "metrics", ...) for an anchor or metric the run does not have.
RunView make_run_view(const RunResults& run, const HtmlReportOptions& options);

// The summary of `d`, which must be one of view.datasets.
const DatasetSummary& summary_of(const RunView& view, const DatasetView& d);

// "psnr_y (dB)" or "lpips_alex" for a unitless metric.
std::string metric_label(const RunView& view, const std::string& metric);
// A fixed colour per codec index (colour-blind-safe palette, repeating after ten).
const char* codec_color(size_t codec_index);

}  // namespace tgvc
