#include "harness/run/finalize_run.h"

#include <filesystem>

#include "harness/core/atomic_file.h"
#include "harness/results/csv_tables.h"
#include "harness/results/run_results.h"
#include "harness/run/set_metrics.h"
#include "reports/html_report.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

HtmlReportOptions report_options(const Experiment& e) {
  HtmlReportOptions options;
  options.anchor = e.report.anchor;
  options.bd_method = e.report.bd_method;
  options.paper_points_csv = e.report.paper_points;
  options.metrics = e.report.metrics;
  return options;
}

}  // namespace

void finalize_run(const Experiment& e, const std::vector<Cell>& cells, const std::vector<CellResult>& results,
                  Provenance p, const std::function<double()>& wall_s, const std::string& dir_name) {
  const fs::path dir(dir_name);
  const std::vector<SetResult> sets = compute_set_metrics(e, cells, results);
  p.wall_s = wall_s();
  write_file_atomically((dir / "results.csv").string(), results_csv(results));
  write_file_atomically((dir / "frames.csv").string(), frames_csv(results));
  if (!sets.empty()) write_file_atomically((dir / "sets.csv").string(), sets_csv(sets));
  write_file_atomically((dir / "results.json").string(), results_json(e.name, p, results, sets));
  // The report is built from the results file alone, exactly as `tgvc-bench report` rebuilds it.
  write_html_report(load_run_results(dir_name), report_options(e), (dir / "report.html").string());
}

CellResult missing_cell_result(const Experiment& e, const Cell& cell, const std::string& inputs_hash,
                               const std::string& why) {
  const CodecSpec& codec = e.codecs[cell.codec];
  CellResult r;
  r.cell_id = cell.id;
  r.inputs_hash = inputs_hash;
  r.dataset = e.sequences[cell.sequence].dataset;
  r.sequence = e.sequences[cell.sequence].name;
  r.codec = codec.name;
  r.codec_type = codec.type;
  r.rate_point = codec.rate_points[cell.rate_point].label;
  r.status = CellOutcome::kFailed;
  r.stage = FailedStage::kTask;
  r.error = why;
  return r;
}

}  // namespace tgvc
