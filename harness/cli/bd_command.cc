// `tgvc-bench bd --anchor A.csv --test B.csv`: Bjontegaard-delta rate and quality of a test codec
// against an anchor, per sequence and on average, from results.csv files or plain CSV tables.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "harness/cli/commands.h"
#include "harness/core/error.h"
#include "harness/core/suggest.h"
#include "harness/results/bd_comparison.h"
#include "harness/results/bd_curves.h"
#include "harness/results/csv_reader.h"
#include "harness/results/rd_means.h"
#include "reports/metric_direction.h"

namespace tgvc {
namespace {

struct BdArgs {
  std::string anchor;
  std::string test;
  std::string metric;
  std::string method = "pchip";
  std::string rate;
  std::string anchor_codec;
  std::string test_codec;
  std::string sequence;
  std::string dataset;
  bool json = false;
};

// Everything the output needs, resolved from the arguments and the two tables.
struct BdRun {
  std::string metric;
  bool metric_chosen = false;  // false: the first metric column of the anchor
  bool higher_is_better = true;
  BdMethod method = BdMethod::kPchip;
  BdCurveSelection anchor;
  BdCurveSelection test;
  BdComparison comparison;
};

std::string number(double v, int decimals) {
  return std::isfinite(v) ? fmt::format("{:.{}f}", v, decimals) : "NaN";
}
nlohmann::json json_number(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}
std::string interval(double low, double high, int decimals) {
  return std::isfinite(low) ? "[" + number(low, decimals) + ", " + number(high, decimals) + "]" : "-";
}

BdRun compute(const BdArgs& a) {
  BdRun run;
  const std::optional<BdMethod> method = parse_bd_method(a.method);
  if (!method) throw InputError("--method", "cubic, pchip or akima", "'" + a.method + "'");
  run.method = *method;
  const CsvTable anchor = read_csv_file(a.anchor);
  const CsvTable test = read_csv_file(a.test);
  run.metric = a.metric;
  run.metric_chosen = !a.metric.empty();
  if (run.metric.empty()) {
    const std::vector<std::string> metrics = bd_metric_columns(anchor, is_rate_value);
    if (metrics.empty())
      throw InputError(a.anchor, "a metric column", "only the columns " + join(anchor.header));
    run.metric = metrics.front();
  }
  run.higher_is_better = metric_higher_is_better(run.metric);
  BdCurveQuery query{run.metric, a.rate, a.anchor_codec, a.sequence, "--anchor-codec", a.dataset};
  run.anchor = select_bd_curves(anchor, query);
  // The test is read in the anchor's rate unit: BD-rate compares rates, so they must agree.
  query.rate_column = run.anchor.rate_column;
  query.codec = a.test_codec;
  query.codec_flag = "--test-codec";
  run.test = select_bd_curves(test, query);
  run.comparison = compare_bd_curves(run.anchor.curves, run.test.curves, run.method, run.higher_is_better);
  if (run.comparison.sequences.empty()) {
    std::vector<std::string> names;
    for (const BdCurve& c : run.anchor.curves) names.push_back(curve_name(c.dataset, c.sequence));
    std::vector<std::string> test_names;
    for (const BdCurve& c : run.test.curves) test_names.push_back(curve_name(c.dataset, c.sequence));
    throw InputError(a.test,
                     "a (dataset, sequence) with usable rows in both files (anchor: " +
                         (names.empty() ? "none" : join(names)) + ")",
                     test_names.empty() ? "none with usable rows" : join(test_names));
  }
  return run;
}

std::string source_text(const std::string& file, const BdCurveSelection& s) {
  return s.codec.empty() ? file : file + " (codec " + s.codec + ")";
}

void print_table(const BdArgs& a, const BdRun& run) {
  fmt::print("BD metrics of {} against {}\n", source_text(a.test, run.test),
             source_text(a.anchor, run.anchor));
  fmt::print("metric {} ({} is better{}), rate {} (log10 domain), method {}\n\n", run.metric,
             run.higher_is_better ? "higher" : "lower", run.metric_chosen ? "" : "; the first metric column",
             run.anchor.rate_column, to_string(run.method));
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"sequence", "points", "BD-rate %", "BD-" + run.metric, run.metric + " overlap",
                  "log10(" + run.anchor.rate_column + ") overlap", "note"});
  for (const BdSequenceResult& s : run.comparison.sequences) {
    const BdResult& bd = s.bd;
    rows.push_back(
        {curve_name(s.dataset, s.sequence), fmt::format("{}/{}", s.anchor_points, s.test_points),
         number(bd.bd_rate_pct, 3), number(bd.bd_quality, 4), interval(bd.quality_low, bd.quality_high, 4),
         interval(bd.log10_rate_low, bd.log10_rate_high, 4),
         bd.reason.empty() || bd.warning.empty() ? bd.reason + bd.warning : bd.reason + "; " + bd.warning});
  }
  const BdComparison& c = run.comparison;
  rows.push_back({fmt::format("mean of {}", c.mean_count), "", number(c.mean_bd_rate_pct, 3),
                  number(c.mean_bd_quality, 4), "", "", ""});
  std::vector<size_t> width(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (size_t i = 0; i + 1 < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (size_t i = 0; i < rows[r].size(); ++i) {
      const bool numeric = i >= 1 && i <= 3;  // right-aligned so the decimal points line up
      line += numeric ? fmt::format("{:>{}}  ", rows[r][i], width[i])
                      : fmt::format("{:<{}}  ", rows[r][i], width[i]);
    }
    line.erase(line.find_last_not_of(' ') + 1);
    fmt::print("{}\n", line);
  }
  fmt::print("mean: {}\n", kBdMeanRule);
  for (const std::string& u : c.unmatched) fmt::print("not compared: {}\n", u);
  for (const auto* skipped : {&run.anchor.skipped, &run.test.skipped}) {
    for (const std::string& s : *skipped) fmt::print("skipped {}\n", s);
  }
}

// Each side's per-dataset means (kRdMeanRule), for tables with a rate_point column.
nlohmann::json means_json(const BdCurveSelection& selection) {
  nlohmann::json out = nlohmann::json::array();
  for (const DatasetMeans& d : dataset_means(selection.curves)) {
    nlohmann::json points = nlohmann::json::array();
    for (const MeanPoint& p : d.points) {
      points.push_back({{"rate_point", p.rate_point},
                        {"rate", json_number(p.rate)},
                        {"value", json_number(p.value)},
                        {"sequences", p.count}});
    }
    out.push_back({{"dataset", d.dataset}, {"points", points}});
  }
  return out;
}

void print_json(const BdArgs& a, const BdRun& run) {
  nlohmann::json sequences = nlohmann::json::array();
  for (const BdSequenceResult& s : run.comparison.sequences) {
    const BdResult& bd = s.bd;
    sequences.push_back(
        {{"dataset", s.dataset},
         {"sequence", s.sequence},
         {"anchor_points", s.anchor_points},
         {"test_points", s.test_points},
         {"ok", bd.ok},
         {"bd_rate_pct", json_number(bd.bd_rate_pct)},
         {"bd_quality", json_number(bd.bd_quality)},
         {"quality_interval", {json_number(bd.quality_low), json_number(bd.quality_high)}},
         {"log10_rate_interval", {json_number(bd.log10_rate_low), json_number(bd.log10_rate_high)}},
         {"warning", bd.warning},
         {"reason", bd.reason}});
  }
  std::vector<std::string> skipped = run.anchor.skipped;
  skipped.insert(skipped.end(), run.test.skipped.begin(), run.test.skipped.end());
  const BdComparison& c = run.comparison;
  const nlohmann::json out = {
      {"metric", run.metric},
      {"higher_is_better", run.higher_is_better},
      {"rate_column", run.anchor.rate_column},
      {"method", to_string(run.method)},
      {"anchor", {{"file", a.anchor}, {"codec", run.anchor.codec}}},
      {"test", {{"file", a.test}, {"codec", run.test.codec}}},
      {"sequences", sequences},
      {"mean",
       {{"sequences", c.mean_count},
        {"bd_rate_pct", json_number(c.mean_bd_rate_pct)},
        {"bd_quality", json_number(c.mean_bd_quality)}}},
      {"not_compared", c.unmatched},
      {"means", {{"rule", kRdMeanRule}, {"anchor", means_json(run.anchor)}, {"test", means_json(run.test)}}},
      {"skipped_rows", skipped}};
  fmt::print("{}\n", out.dump(2));
}

}  // namespace

void add_bd_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<BdArgs>();
  CLI::App* cmd =
      app.add_subcommand("bd", "Bjontegaard-delta rate and quality of a test codec against an anchor");
  cmd->add_option("--anchor", args->anchor, "Anchor CSV: a run's results.csv or a table such as bpp,psnr")
      ->required();
  cmd->add_option("--test", args->test, "Test CSV (may be the same file as --anchor with another codec)")
      ->required();
  cmd->add_option("--metric", args->metric, "Quality column (default: the anchor's first metric column)");
  cmd->add_option("--method", args->method, "Curve model: cubic, pchip or akima (default pchip)");
  cmd->add_option("--rate", args->rate, "Rate column (default: the first of bpp, kbps, bits, rate)");
  cmd->add_option("--anchor-codec", args->anchor_codec, "Anchor rows of this codec (results.csv)");
  cmd->add_option("--test-codec", args->test_codec, "Test rows of this codec (results.csv)");
  cmd->add_option("--sequence", args->sequence, "Only this sequence");
  cmd->add_option("--dataset", args->dataset,
                  "Only this dataset (report.html shows one BD mean per dataset)");
  cmd->add_flag("--json", args->json, "Machine-readable output");
  cmd->callback([args, &exit_code] {
    const BdRun run = compute(*args);
    args->json ? print_json(*args, run) : print_table(*args, run);
    // 1: inputs fine but no sequence gave a BD value (no overlap, too few points); reasons printed.
    exit_code = run.comparison.mean_count > 0 ? 0 : 1;
  });
}

}  // namespace tgvc
