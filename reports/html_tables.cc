// Tables: every cell of a dataset (sortable), failed cells, and metrics that were n/a.
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "reports/html_sections.h"

namespace tgvc {
namespace {

// A numeric cell: shown rounded, sorted by the exact value in data-v.
void number_cell(Html& html, double value, int significant = 4) {
  if (!std::isfinite(value)) {
    html.element("td", "n/a", {{"class", "n na"}});
    return;
  }
  html.element("td", format_number(value, significant),
               {{"class", "n"}, {"data-v", fmt::format("{}", value)}});
}

}  // namespace

void write_results_table(const RunView& view, const DatasetView& d, Html& html) {
  html.element("h3", "Results per sequence");
  html.open("div", {{"class", "scroll"}})
      .open("table", {{"class", "sortable results"}})
      .open("thead")
      .open("tr");
  html.element("th", "Sequence").element("th", "Codec").element("th", "Rate point");
  html.element("th", "bpp", {{"class", "num"}}).element("th", "kbps", {{"class", "num"}});
  html.element("th", "bits", {{"class", "num"}});
  for (size_t m = 0; m < view.shown_metrics; ++m)
    html.element("th", metric_label(view, view.metrics[m]), {{"class", "num"}});
  html.element("th", "encode (s)", {{"class", "num"}}).element("th", "decode (s)", {{"class", "num"}});
  html.element("th", "Status").close("tr").close("thead").open("tbody");
  for (size_t s = 0; s < d.sequences.size(); ++s) {
    for (size_t c = 0; c < d.codecs.size(); ++c) {
      for (const CellResult* cell : d.cells[s][c]) {
        if (cell == nullptr) continue;
        html.open("tr", {{"class", cell->ok() ? "" : "failed"}});
        html.element("td", cell->sequence).element("td", cell->codec).element("td", cell->rate_point);
        const bool ok = cell->ok();
        const double nan = std::nan("");
        number_cell(html, ok ? cell->bpp : nan);
        number_cell(html, ok ? cell->kbps : nan);
        number_cell(html, ok ? static_cast<double>(cell->bits) : nan, 10);
        for (size_t m = 0; m < view.shown_metrics; ++m) {
          const MetricValue* v = find_value(*cell, view.metrics[m]);
          if (ok && v != nullptr && !v->available) {
            html.element("td", "n/a", {{"class", "n na"}, {"title", v->reason}});
          } else {
            number_cell(html, usable_value(*cell, view.metrics[m]));
          }
        }
        number_cell(html, ok ? cell->timing.encode_s : nan, 3);
        number_cell(html, ok ? cell->timing.decode_s : nan, 3);
        if (ok) {
          html.element("td", "ok", {{"class", "ok"}});
        } else {
          html.element("td", std::string("failed (") + to_string(cell->stage) + ")",
                       {{"class", "bad"}, {"title", cell->error}});
        }
        html.close("tr");
      }
    }
  }
  html.close("tbody").close("table").close("div");
  html.element("p",
               "Click a column header to sort (again to reverse); n/a stays last. Metric values are the "
               "per-sequence values the metric reported under its convention (hover n/a for the reason).",
               {{"class", "caption"}});
}

void write_failures(const RunView& view, Html& html) {
  html.open("section", {{"id", "failures"}})
      .element("h2", fmt::format("Failed cells ({})", view.failed_count));
  if (view.failed_count == 0) {
    html.element("p", "Every cell succeeded.", {{"class", "note"}}).close("section");
    return;
  }
  html.open("div", {{"class", "scroll"}}).open("table", {{"class", "sortable"}}).open("thead").open("tr");
  for (const char* h : {"Dataset", "Sequence", "Codec", "Rate point", "Stage", "Error"})
    html.element("th", h);
  html.close("tr").close("thead").open("tbody");
  for (const CellResult& cell : view.run->cells) {
    if (cell.ok()) continue;
    html.open("tr").element("td", cell.dataset).element("td", cell.sequence).element("td", cell.codec);
    html.element("td", cell.rate_point)
        .element("td", to_string(cell.stage))
        .element("td", cell.error, {{"class", "wrap err"}});
    html.close("tr");
  }
  html.close("tbody").close("table").close("div").close("section");
}

void write_unavailable_metrics(const RunView& view, Html& html) {
  // One row per (metric, reason): a missing model makes every cell n/a for the same reason.
  struct Group {
    size_t count = 0;
    std::set<std::string> codecs;
    std::string example;
  };
  std::map<std::pair<std::string, std::string>, Group> groups;
  for (const CellResult& cell : view.run->cells) {
    if (!cell.ok()) continue;
    for (const MetricValue& v : cell.metrics) {
      if (v.available && std::isfinite(v.value)) continue;
      Group& g = groups[{v.name, v.available ? "the value is not a finite number" : v.reason}];
      if (g.count++ == 0) g.example = cell.cell_id;
      g.codecs.insert(cell.codec);
    }
  }
  html.open("section", {{"id", "unavailable"}}).element("h2", "Metrics reported as n/a");
  if (groups.empty()) {
    html.element("p", "Every metric has a value in every successful cell.", {{"class", "note"}})
        .close("section");
    return;
  }
  html.open("table").open("thead").open("tr");
  for (const char* h : {"Metric", "Reason", "Cells", "Codecs", "Example cell"}) html.element("th", h);
  html.close("tr").close("thead").open("tbody");
  for (const auto& [key, g] : groups) {
    std::string codecs;
    for (const std::string& c : g.codecs) codecs += (codecs.empty() ? "" : ", ") + c;
    html.open("tr").element("td", key.first).element("td", key.second, {{"class", "wrap"}});
    html.element("td", std::to_string(g.count), {{"class", "n"}}).element("td", codecs, {{"class", "wrap"}});
    html.element("td", g.example).close("tr");
  }
  html.close("tbody").close("table").close("section");
}

}  // namespace tgvc
