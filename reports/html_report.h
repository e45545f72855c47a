// report.html: one self-contained page (inline styles, script and images; nothing fetched) built
// from a run's results alone. Sections and how each is computed: docs/report.md.
#pragma once

#include <string>
#include <vector>

#include "harness/results/bd_metrics.h"
#include "harness/results/cell_values.h"
#include "harness/results/run_results.h"

namespace tgvc {

struct HtmlReportOptions {
  std::string anchor;                     // BD anchor codec; empty: the first codec among the cells
  BdMethod bd_method = BdMethod::kPchip;  // the JVET CTC method
  std::string paper_points_csv;           // the paper's points to draw beside ours; empty: none
  std::vector<std::string> metrics;       // empty: every metric with a number, primary ones first
  RateAxis rate_axis = RateAxis::kBpp;
  bool embed_frames = true;  // the visual strip of decoded frames (PNGs under the run directory)
};

// The page as a string. Frames are read from run.run_dir (cells/<cell_id>.png and the source
// frame of the same index, still_source_file() in reports/still_frame.h; results from before
// still frames were recorded: sources/<dataset>__<sequence>.png); a missing one is noted in the page. Throws
// InputError for an anchor or metric the run does not have, or an unreadable paper CSV.
std::string html_report(const RunResults& run, const HtmlReportOptions& options);

// html_report() written atomically to `path`.
void write_html_report(const RunResults& run, const HtmlReportOptions& options, const std::string& path);

// "bpp" | "kbps"; throws InputError naming `where` otherwise.
RateAxis parse_rate_axis(const std::string& name, const std::string& where);

}  // namespace tgvc
