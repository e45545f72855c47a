// BD table of one dataset: every codec against the anchor, per metric, per sequence and averaged
// by kBdMeanRule (the JVET CTC practice): the summary step's values (harness/results/run_summary.h),
// the same function `bd` and `compare` call.
#include <cmath>

#include <fmt/format.h>

#include "harness/results/bd_comparison.h"
#include "reports/html_sections.h"

namespace tgvc {
namespace {

// Decimals of a BD-quality value: hundredths of a dB, thousandths of a unitless score.
int quality_decimals(const RunView& view, const std::string& metric) {
  const auto unit = view.units.find(metric);
  return unit != view.units.end() && unit->second == "dB" ? 2 : 3;
}

// Rounded for display (`decimals` < 0: a BD-rate in percent); a value that rounds to zero shows
// as an unsigned zero, neither good nor bad.
bool rounds_to_zero(double value, int decimals) {
  return std::fabs(value) < 0.5 * std::pow(10.0, decimals < 0 ? -1 : -decimals);
}

std::string signed_text(double value, int decimals) {
  if (!std::isfinite(value)) return "n/a";
  if (decimals < 0) return rounds_to_zero(value, decimals) ? "0.0 %" : fmt::format("{:+.1f} %", value);
  return rounds_to_zero(value, decimals) ? fmt::format("{:.{}f}", 0.0, decimals)
                                         : fmt::format("{:+.{}f}", value, decimals);
}

void value_cell(Html& html, double mean, size_t count, size_t expected, int decimals,
                const std::string& notes) {
  const bool percent = decimals < 0;
  // Negative BD-rate and positive BD-quality mean the test codec is better (direction applied).
  const bool better = percent ? mean < 0 : mean > 0;
  std::string cls = "n";
  if (std::isfinite(mean) && !rounds_to_zero(mean, decimals)) cls += better ? " good" : " bad";
  if (!std::isfinite(mean)) cls += " na";
  // data-v: the exact mean, the number `tgvc-bench bd` and `compare` print for the same curves.
  const std::string exact = fmt::format("{}", mean);
  if (!std::isfinite(mean)) {
    notes.empty() ? html.open("td", {{"class", cls}}) : html.open("td", {{"class", cls}, {"title", notes}});
  } else if (notes.empty()) {
    html.open("td", {{"class", cls}, {"data-v", exact}});
  } else {
    html.open("td", {{"class", cls}, {"data-v", exact}, {"title", notes}});
  }
  html.text(signed_text(mean, decimals));
  if (count < expected) html.element("span", fmt::format(" ({}/{})", count, expected), {{"class", "cnt"}});
  if (!notes.empty()) html.element("sup", "!", {{"class", "warn"}});
  html.close("td");
}

}  // namespace

void write_bd_section(const RunView& view, const DatasetView& d, BdMethod method, Html& html) {
  html.element("h3", "Bjontegaard deltas against " + view.anchor);
  const DatasetSummary& summary = summary_of(view, d);
  const size_t anchor = summary.anchor;
  if (anchor == d.codecs.size()) {
    html.element("p", "The anchor " + view.anchor + " has no cells in this dataset.", {{"class", "note"}});
    return;
  }
  if (d.codecs.size() < 2 || view.shown_metrics == 0) {
    html.element("p", "Nothing to compare: this dataset has no other codec or no metric with values.",
                 {{"class", "note"}});
    return;
  }
  const size_t metrics = view.shown_metrics;
  const size_t sequences = d.sequences.size();
  // codecs[c][m].bd: per-sequence BD and the mean by kBdMeanRule.
  const auto& results = summary.codecs;

  html.open("div", {{"class", "scroll-x"}}).open("table", {{"class", "bd"}}).open("thead").open("tr");
  html.element("th", "Codec", {{"rowspan", "2"}});
  for (size_t m = 0; m < metrics; ++m) {
    html.element("th", metric_label(view, view.metrics[m]), {{"colspan", "2"}, {"class", "grp"}});
  }
  html.close("tr").open("tr");
  for (size_t m = 0; m < metrics; ++m) {
    html.element("th", "BD-rate", {{"class", "num"}})
        .element("th", "BD-" + view.metrics[m], {{"class", "num"}});
  }
  html.close("tr").close("thead").open("tbody");
  for (size_t c = 0; c < d.codecs.size(); ++c) {
    if (c == anchor) continue;
    html.open("tr").element("td", view.codecs[d.codecs[c]]);
    for (size_t m = 0; m < metrics; ++m) {
      const BdComparison& bd = results[c][m].bd;
      std::string notes;
      for (const BdSequenceResult& r : bd.sequences) {
        for (const std::string* note : {&r.bd.reason, &r.bd.warning}) {
          if (!note->empty()) notes += (notes.empty() ? "" : "\n") + r.sequence + ": " + *note;
        }
      }
      value_cell(html, bd.mean_bd_rate_pct, bd.mean_count, sequences, -1, notes);
      value_cell(html, bd.mean_bd_quality, bd.mean_count, sequences, quality_decimals(view, view.metrics[m]),
                 notes);
    }
    html.close("tr");
  }
  html.close("tbody").close("table").close("div");
  html.element(
      "p",
      fmt::format(
          "Method: {}. Each value is {} of the per-sequence BD values (the same rule as "
          "`tgvc-bench bd` and `tgvc-bench compare`), each integrated in log10({}) over the overlap of "
          "the two curves. BD-rate: negative means fewer "
          "bits than {} at equal quality. BD-quality: positive means better at equal rate, in "
          "the metric's units (the sign is flipped for lower-is-better metrics such as LPIPS). "
          "(k/N): computed for k of N sequences; ! marks notes (hover, or see below).",
          to_string(method), kBdMeanRule, rate_axis_name(view.rate_axis), view.anchor),
      {{"class", "caption"}});

  html.open("details").element("summary", "Per-sequence BD values and notes");
  html.open("div", {{"class", "scroll"}}).open("table", {{"class", "sortable"}}).open("thead").open("tr");
  html.element("th", "Sequence").element("th", "Codec").element("th", "Metric");
  html.element("th", "BD-rate", {{"class", "num"}}).element("th", "BD-quality", {{"class", "num"}});
  html.element("th", "Note").close("tr").close("thead").open("tbody");
  for (size_t c = 0; c < d.codecs.size(); ++c) {
    for (size_t m = 0; m < metrics && c != anchor; ++m) {
      for (const BdSequenceResult& row : results[c][m].bd.sequences) {
        html.open("tr").element("td", row.sequence).element("td", view.codecs[d.codecs[c]]);
        html.element("td", view.metrics[m]);
        for (const bool percent : {true, false}) {
          const double v = percent ? row.bd.bd_rate_pct : row.bd.bd_quality;
          const int decimals = percent ? -1 : quality_decimals(view, view.metrics[m]);
          if (std::isfinite(v)) {
            html.element("td", signed_text(v, decimals), {{"class", "n"}, {"data-v", fmt::format("{}", v)}});
          } else {
            html.element("td", "n/a", {{"class", "n na"}});
          }
        }
        std::string note = row.bd.reason;
        if (!row.bd.warning.empty()) note += (note.empty() ? "" : "; ") + row.bd.warning;
        html.element("td", note, {{"class", "wrap"}}).close("tr");
      }
    }
  }
  html.close("tbody").close("table").close("div").close("details");
}

}  // namespace tgvc
