// Per-set metrics (FVD): one value per codec and rate point over every sequence of the run, with
// the statement the metric gives (N clips, clip length, protocol, and its small-N warning).
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "reports/html_sections.h"
#include "reports/html_svg_plot.h"

namespace tgvc {
namespace {

std::vector<std::string> metric_ids(const std::vector<SetResult>& sets) {
  std::vector<std::string> ids;
  for (const SetResult& s : sets) {
    if (std::find(ids.begin(), ids.end(), s.metric) == ids.end()) ids.push_back(s.metric);
  }
  return ids;
}

// The first value's statement: the per-set metric puts its protocol and warnings there.
const MetricValue* headline(const SetResult& s) {
  return s.values.empty() ? nullptr : &s.values.front();
}

std::string set_plot(const RunView& view, const std::vector<SetResult>& sets, const std::string& metric) {
  PlotSpec spec;
  spec.title = metric + " per codec and rate point (all sequences)";
  spec.x_label = "bpp (mean over the set)";
  spec.y_label = metric;
  for (size_t c = 0; c < view.codecs.size(); ++c) {
    PlotSeries series;
    series.label = view.codecs[c];
    series.color = codec_color(c);
    for (const SetResult& s : sets) {
      const MetricValue* v = headline(s);
      if (s.metric != metric || s.codec != view.codecs[c] || !v || !v->available) continue;
      series.points.push_back({s.bpp, v->value,
                               fmt::format("{} · {}\nbpp {} · {} {}", s.codec, s.rate_point,
                                           format_number(s.bpp), metric, format_number(v->value))});
    }
    if (!series.points.empty()) spec.series.push_back(std::move(series));
  }
  return svg_line_plot(spec);
}

}  // namespace

void write_set_metrics(const RunView& view, Html& html) {
  const std::vector<SetResult>& sets = view.run->sets;
  if (sets.empty()) return;
  html.open("section", {{"id", "sets"}}).element("h2", "Per-set metrics");
  html.element("p",
               "Computed over every sequence of the run for one codec and rate point (features of all "
               "their clips pooled), not per sequence. A set with a failed cell is n/a.",
               {{"class", "caption"}});
  for (const std::string& metric : metric_ids(sets)) {
    html.element("h3", metric);
    for (const SetResult& s : sets) {
      const MetricValue* v = headline(s);
      if (s.metric == metric && v && v->available && v->convention.find("WARNING") != std::string::npos) {
        html.element("p", "Warning: " + v->convention.substr(v->convention.find("WARNING") + 9),
                     {{"class", "caption bad"}});
        break;  // one set size for the whole run: the warning is the same for every set
      }
    }
    html.raw(set_plot(view, sets, metric));
    html.open("div", {{"class", "scroll"}})
        .open("table", {{"class", "sortable results"}})
        .open("thead")
        .open("tr");
    html.element("th", "Codec").element("th", "Rate point").element("th", "Sequences", {{"class", "num"}});
    html.element("th", "bpp (mean)", {{"class", "num"}});
    const SetResult* first = nullptr;
    for (const SetResult& s : sets) {
      if (s.metric == metric) first = first ? first : &s;
    }
    for (const MetricValue& v : first->values) html.element("th", v.name, {{"class", "num"}});
    html.element("th", "Statement").close("tr").close("thead").open("tbody");
    for (const SetResult& s : sets) {
      if (s.metric != metric) continue;
      html.open("tr").element("td", s.codec).element("td", s.rate_point);
      html.element("td", std::to_string(s.sequences.size()), {{"class", "n"}});
      html.element("td", std::isfinite(s.bpp) ? format_number(s.bpp) : "n/a", {{"class", "n"}});
      for (const MetricValue& v : s.values) {
        if (v.available && std::isfinite(v.value)) {
          html.element("td", format_number(v.value),
                       {{"class", "n"}, {"data-v", fmt::format("{}", v.value)}});
        } else {
          html.element("td", "n/a", {{"class", "n na"}, {"title", v.reason}});
        }
      }
      const MetricValue* v = headline(s);
      html.element("td", !v ? "" : v->available ? v->convention : "n/a: " + v->reason);
      html.close("tr");
    }
    html.close("tbody").close("table").close("div");
  }
  html.close("section");
}

}  // namespace tgvc
