// The sections of report.html, each appending its markup to `html`. Internal to the report:
// html_report.cc calls them in page order.
#pragma once

#include <vector>

#include "reports/html_run_view.h"
#include "reports/html_writer.h"
#include "reports/paper_points.h"

namespace tgvc {

// R-D plots of one dataset: one per metric, codecs averaged over sequences, paper points beside.
void write_rd_section(const RunView& view, const DatasetView& d, const std::vector<PaperPoint>& paper,
                      Html& html);
// BD-rate and BD-quality of every codec against the anchor, averaged over sequences.
void write_bd_section(const RunView& view, const DatasetView& d, BdMethod method, Html& html);
// Every cell of the dataset, sortable by any column.
void write_results_table(const RunView& view, const DatasetView& d, Html& html);
// Per-frame values of each sequence, one line per codec and rate point.
void write_frame_plots(const RunView& view, const DatasetView& d, Html& html);
// Stacked bars of each cell's bits by rate component.
void write_rate_breakdown(const RunView& view, const DatasetView& d, Html& html);
// Each codec's decoded frame at matched bpp (the cell's median-quality frame) beside the source frame of the
// same index.
void write_visual_strip(const RunView& view, const DatasetView& d, Html& html);
// Per-set metrics (FVD): a plot against mean bpp and a table with each set's statement.
void write_set_metrics(const RunView& view, Html& html);
// Failed cells with stage and message; n/a metrics with their reasons.
void write_failures(const RunView& view, Html& html);
void write_unavailable_metrics(const RunView& view, Html& html);

}  // namespace tgvc
