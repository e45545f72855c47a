#include "reports/html_report.h"

#include <fmt/format.h>

#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "reports/html_run_view.h"
#include "reports/html_sections.h"
#include "reports/html_style.h"
#include "reports/html_writer.h"
#include "reports/paper_points.h"

namespace tgvc {
namespace {

// Browsers that honour it refuse any fetch at all: images may only be data: URIs.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

void card(Html& html, const std::string& key, const std::string& value, const char* cls = "card") {
  html.open("div", {{"class", cls}})
      .element("div", value, {{"class", "v"}})
      .element("div", key, {{"class", "k"}});
  html.close("div");
}

void definition(Html& html, const std::string& term, const std::string& value) {
  html.element("dt", term).element("dd", value.empty() ? "—" : value);
}

void write_summary(const RunView& view, const HtmlReportOptions& options,
                   const std::vector<PaperPoint>& paper, Html& html) {
  const RunResults& run = *view.run;
  size_t sequences = 0;
  for (const DatasetView& d : view.datasets) sequences += d.sequences.size();
  html.open("section", {{"id", "summary"}}).element("h2", "Experiment");
  html.open("div", {{"class", "cards"}});
  card(html, "cells", std::to_string(run.cells.size()));
  card(html, "ok", std::to_string(view.ok_count), "card good");
  card(html, "failed", std::to_string(view.failed_count), view.failed_count > 0 ? "card bad" : "card");
  card(html, "datasets", std::to_string(view.datasets.size()));
  card(html, "sequences", std::to_string(sequences));
  card(html, "codecs", std::to_string(view.codecs.size()));
  html.close("div");

  const Provenance& p = run.provenance;
  html.element("h3", "Provenance").open("dl", {{"class", "prov"}});
  definition(html, "experiment", run.experiment);
  definition(html, "tool version", p.tool_version);
  definition(html, "git commit", p.git_commit);
  definition(html, "config", p.config_path);
  definition(html, "config SHA-256", p.config_sha256);
  definition(html, "host", p.host);
  definition(html, "started (UTC)", p.started_utc);
  // A rerun that reuses every cell takes a fraction of a second: say what the numbers cost to
  // compute (each cell's own time, stored with it) apart from what this run took.
  double cell_seconds = 0;
  for (const CellResult& cell : run.cells) cell_seconds += cell.timing.total_s;
  definition(html, "cell compute time",
             fmt::format("{:.2f} s: the sum of the {} cells' own times (load, encode, decode, metrics), "
                         "whichever run computed them",
                         cell_seconds, run.cells.size()));
  std::string this_run = fmt::format("{:.2f} s with {} job{}", p.wall_s, p.jobs, p.jobs == 1 ? "" : "s");
  if (p.cells_reused > 0) {
    this_run += fmt::format("; {} of {} cells reused from an earlier run, not recomputed", p.cells_reused,
                            run.cells.size());
  }
  definition(html, "this run's wall time", this_run);
  // Which numbers this run computed and which another run did, through the shared cache.
  if (!p.cache_dir.empty()) {
    definition(html, "shared cache",
               fmt::format("{}: {} of {} cells read from it, {} computed by this run; {} bitstream{} read "
                           "from it instead of encoded",
                           p.cache_dir, p.cells_from_cache, run.cells.size(), p.cells_computed,
                           p.bitstreams_from_cache, p.bitstreams_from_cache == 1 ? "" : "s"));
  }
  definition(html, "command", p.command_line);
  std::string libraries;
  for (const auto& [name, version] : p.libraries)
    libraries += (libraries.empty() ? "" : ", ") + name + " " + version;
  definition(html, "libraries", libraries);
  std::string codecs;
  for (const std::string& c : view.codecs) codecs += (codecs.empty() ? "" : ", ") + c;
  definition(html, "codecs", codecs);
  html.close("dl");

  html.element("h3", "Report settings").open("dl", {{"class", "prov"}});
  definition(html, "rate axis", rate_axis_name(view.rate_axis));
  definition(html, "BD anchor", view.anchor);
  definition(html, "BD method", to_string(options.bd_method));
  std::string main_metrics, more_metrics;
  for (size_t m = 0; m < view.metrics.size(); ++m) {
    std::string& list = m < view.shown_metrics ? main_metrics : more_metrics;
    list += (list.empty() ? "" : ", ") + view.metrics[m];
  }
  definition(html, "main metrics", main_metrics);
  if (!more_metrics.empty()) definition(html, "more metrics", more_metrics);
  if (!options.paper_points_csv.empty()) {
    std::string matched;
    for (const DatasetView& d : view.datasets) {
      for (const PaperPoint& pp : paper) {
        if (same_dataset_name(pp.dataset, d.name)) {
          matched += (matched.empty() ? "" : ", ") + d.name;
          break;
        }
      }
    }
    definition(html, "paper points",
               fmt::format("{} ({} points; drawn for: {})", options.paper_points_csv, paper.size(),
                           matched.empty() ? "no dataset of this run" : matched));
  }
  if (view.duplicate_cells > 0) {
    definition(html, "duplicates",
               fmt::format("{} cells repeat an earlier cell's dataset, sequence, codec and "
                           "rate point and were left out",
                           view.duplicate_cells));
  }
  html.close("dl").close("section");
}

}  // namespace

RateAxis parse_rate_axis(const std::string& name, const std::string& where) {
  if (name == "bpp") return RateAxis::kBpp;
  if (name == "kbps") return RateAxis::kKbps;
  throw InputError(where, "bpp or kbps", name);
}

std::string html_report(const RunResults& run, const HtmlReportOptions& options) {
  const RunView view = make_run_view(run, options);
  const std::vector<PaperPoint> paper = options.paper_points_csv.empty()
                                            ? std::vector<PaperPoint>{}
                                            : read_paper_points(options.paper_points_csv);

  Html html;
  html.str().reserve(1 << 20);
  html.raw("<!DOCTYPE html>\n").open("html", {{"lang", "en"}}).open("head");
  html.empty("meta", {{"charset", "utf-8"}}, false);
  html.empty("meta", {{"http-equiv", "Content-Security-Policy"}, {"content", kContentSecurityPolicy}}, false);
  html.empty("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}}, false);
  html.element("title", "tgvc-bench report: " + run.experiment);
  html.open("style").raw(kReportCss).close("style").close("head").open("body");

  html.open("header", {{"class", "top"}}).element("h1", run.experiment);
  html.element("div",
               fmt::format("tgvc-bench report · {} cells, {} failed · built from {}/results.json",
                           run.cells.size(), view.failed_count, run.run_dir),
               {{"class", "sub"}});
  html.close("header");

  html.open("nav", {{"class", "toc"}}).element("a", "Experiment", {{"href", "#summary"}});
  for (size_t i = 0; i < view.datasets.size(); ++i) {
    html.element("a", view.datasets[i].name, {{"href", fmt::format("#dataset-{}", i)}});
  }
  if (!run.sets.empty()) html.element("a", "Per-set metrics", {{"href", "#sets"}});
  html.element("a", fmt::format("Failed cells ({})", view.failed_count), {{"href", "#failures"}});
  html.element("a", "n/a metrics", {{"href", "#unavailable"}}).close("nav");

  html.open("main");
  write_summary(view, options, paper, html);
  for (size_t i = 0; i < view.datasets.size(); ++i) {
    const DatasetView& d = view.datasets[i];
    html.open("section", {{"id", fmt::format("dataset-{}", i)}, {"class", "dataset"}});
    html.element("h2", "Dataset " + d.name);
    html.element("p",
                 fmt::format("{} sequences, {} codecs, {} cells ({} ok).", d.sequences.size(),
                             d.codecs.size(), d.cell_count, d.ok_count),
                 {{"class", "caption"}});
    write_rd_section(view, d, paper, html);
    write_bd_section(view, d, options.bd_method, html);
    write_results_table(view, d, html);
    write_rate_breakdown(view, d, html);
    write_frame_plots(view, d, html);
    if (options.embed_frames) write_visual_strip(view, d, html);
    html.close("section");
  }
  write_set_metrics(view, html);
  write_failures(view, html);
  write_unavailable_metrics(view, html);
  html.element(
      "footer",
      fmt::format("Built by tgvc-bench {} from the run's results alone. Self-contained: inline styles, "
                  "script and images; nothing is fetched.",
                  run.provenance.tool_version));
  html.close("main").open("script").raw(kReportScript).close("script").close("body").close("html");
  html.raw("\n");
  return html.take();
}

void write_html_report(const RunResults& run, const HtmlReportOptions& options, const std::string& path) {
  write_file_atomically(path, html_report(run, options));
}

}  // namespace tgvc
