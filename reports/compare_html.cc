#include "reports/compare_html.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "reports/compare_format.h"
#include "reports/html_writer.h"

namespace tgvc {
namespace {

constexpr const char* kStyle = R"(<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
table { border-collapse: collapse; margin: 0.8em 0; }
th, td { border: 1px solid #ccc; padding: 3px 6px; vertical-align: top; }
th { background: #f2f2f2; position: sticky; top: 0; }
td.num { text-align: right; white-space: nowrap; }
td small { color: #555; }
.pass { color: #176317; } .fail { color: #a01818; }
.banner { background: #fff0b3; border: 2px solid #d9a400; padding: 0.6em 1em; margin: 0.8em 0; }
.v-improved { background: #d3f2d3; }
.v-same { background: #fff; }
.v-within { background: #fff4c2; }
.v-regressed { background: #f6c4c4; font-weight: bold; }
.v-notcompared { background: #ececec; color: #666; }
.c-regression { background: #f6c4c4; font-weight: bold; }
.c-info { background: #dbe8ff; }
.legend span { display: inline-block; padding: 2px 8px; margin-right: 6px; border: 1px solid #ccc; }
</style>
)";

const char* verdict_class(Verdict verdict) {
  switch (verdict) {
    case Verdict::kImproved:
      return "v-improved";
    case Verdict::kSame:
      return "v-same";
    case Verdict::kWithinTolerance:
      return "v-within";
    case Verdict::kRegressed:
      return "v-regressed";
    case Verdict::kNotCompared:
      return "v-notcompared";
  }
  return "";
}

const ValueDiff* find_value(const CellDiff& cell, const std::string& name) {
  for (const ValueDiff& v : cell.values) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

std::string value_td(const ValueDiff& v) {
  std::string title = fmt::format("{}: {}; base {}, current {}", v.name, verdict_name(v.verdict),
                                  compare_number(v.base), compare_number(v.current));
  if (!compare_delta(v).empty()) title += ", delta " + compare_delta(v);
  title += "; tolerance " + v.tolerance;
  if (!v.note.empty()) title += "; " + v.note;
  std::string body = html_escape(compare_number(v.current));
  const std::string delta = compare_delta(v);
  if (!delta.empty() && v.verdict != Verdict::kSame) body += "<br><small>" + html_escape(delta) + "</small>";
  if (!v.note.empty()) body += "<br><small>" + html_escape(v.note) + "</small>";
  return fmt::format("<td class=\"num {}\" title=\"{}\">{}</td>", verdict_class(v.verdict),
                     html_escape(title), body);
}

void append_runs(std::string& out, const Comparison& c) {
  out +=
      "<table><tr><th>run</th><th>directory</th><th>experiment</th><th>commit</th><th>tool</th>"
      "<th>started</th></tr>\n";
  for (const auto& [side, run] :
       {std::pair<const char*, const RunInfo*>{"base", &c.base}, {"current", &c.current}}) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", side,
                       html_escape(run->run_dir), html_escape(run->experiment), html_escape(run->git_commit),
                       html_escape(run->tool_version), html_escape(run->started_utc));
  }
  out += "</table>\n";
}

void append_matrix(std::string& out, const Comparison& c) {
  out += "<table>\n<tr><th>dataset/sequence</th><th>codec</th><th>rate point</th><th>cell</th>";
  for (const std::string& name : c.value_names) out += "<th>" + html_escape(name) + "</th>";
  out += "</tr>\n";
  for (const CellDiff& cell : c.cells) {
    const bool regression =
        cell.status == CellStatus::kMissingInCurrent || cell.status == CellStatus::kFailedInCurrent;
    const char* row_class = cell.status == CellStatus::kCompared ? ""
                            : regression                         ? "c-regression"
                                                                 : "c-info";
    out += fmt::format("<tr><td>{}/{}</td><td>{}</td><td>{}</td><td class=\"{}\">{}</td>",
                       html_escape(cell.key.dataset), html_escape(cell.key.sequence),
                       html_escape(cell.key.codec), html_escape(cell.key.rate_point), row_class,
                       cell_status_name(cell.status));
    if (cell.status == CellStatus::kCompared) {
      for (const std::string& name : c.value_names) {
        const ValueDiff* v = find_value(cell, name);
        out += v ? value_td(*v) : "<td class=\"v-notcompared\">ignored or absent in both</td>";
      }
    } else {
      out += fmt::format("<td class=\"{}\" colspan=\"{}\">{}</td>", row_class,
                         std::max<size_t>(c.value_names.size(), 1), html_escape(cell.message));
    }
    out += "</tr>\n";
  }
  out += "</table>\n";
}

// data-v holds the exact mean, the number report.html and `tgvc-bench bd` give for the same curves.
void append_bd_table(std::string& out, const Comparison& c) {
  if (c.bd.empty()) return;
  out += "<h2>BD of current against base</h2>\n<p>" + html_escape(compare_bd_caption()) + "</p>\n";
  out +=
      "<table class=\"bd\"><tr><th>dataset</th><th>codec</th><th>metric</th><th>BD-rate %</th>"
      "<th>BD-quality</th><th>sequences</th></tr>\n";
  const auto value = [](double v, int decimals) {
    return std::isfinite(v)
               ? fmt::format("<td class=\"num\" data-v=\"{}\">{}</td>", v, compare_bd_number(v, decimals))
               : std::string("<td class=\"num\">n/a</td>");
  };
  for (const CodecBdChange& b : c.bd) {
    std::string notes;
    for (const BdSequenceResult& r : b.bd.sequences) {
      for (const std::string* note : {&r.bd.reason, &r.bd.warning}) {
        if (!note->empty()) notes += (notes.empty() ? "" : "\n") + r.sequence + ": " + *note;
      }
    }
    out += "<tr><td>" + html_escape(b.dataset) + "</td><td>" + html_escape(b.codec) + "</td><td>" +
           html_escape(b.metric) + "</td>" + value(b.bd.mean_bd_rate_pct, 3) +
           value(b.bd.mean_bd_quality, 4) +
           fmt::format("<td class=\"num\" title=\"{}\">{}/{}</td></tr>\n", html_escape(notes),
                       b.bd.mean_count, b.bd.sequences.size());
  }
  out += "</table>\n";
}

const MeanPoint* find_mean(const std::vector<MeanPoint>& means, const std::string& rate_point) {
  for (const MeanPoint& m : means) {
    if (m.rate_point == rate_point) return &m;
  }
  return nullptr;
}

// Each side's mean point per rate point (the summary step's rule, as report.html's R-D curves);
// data-v holds the exact means.
void append_means_table(std::string& out, const Comparison& c) {
  if (c.bd.empty()) return;
  out += "<details><summary>Per-dataset means</summary>\n<p>" +
         html_escape(std::string("Each codec's mean point per rate point in base and current: ") +
                     kRdMeanRule + ", as report.html draws them.") +
         "</p>\n";
  out +=
      "<table class=\"means\"><tr><th>dataset</th><th>codec</th><th>metric</th><th>rate point</th>"
      "<th>base bpp</th><th>base value</th><th>current bpp</th><th>current value</th>"
      "<th>sequences</th></tr>\n";
  const auto value = [](const MeanPoint* m, bool rate) {
    if (m == nullptr) return std::string("<td class=\"num\">-</td>");
    const double v = rate ? m->rate : m->value;
    return fmt::format("<td class=\"num\" data-v=\"{}\">{}</td>", v, compare_bd_number(v, 4));
  };
  for (const CodecBdChange& b : c.bd) {
    std::vector<std::string> rate_points;
    for (const auto* side : {&b.base_means, &b.current_means}) {
      for (const MeanPoint& m : *side) {
        if (std::find(rate_points.begin(), rate_points.end(), m.rate_point) == rate_points.end())
          rate_points.push_back(m.rate_point);
      }
    }
    for (const std::string& r : rate_points) {
      const MeanPoint* base = find_mean(b.base_means, r);
      const MeanPoint* current = find_mean(b.current_means, r);
      out += "<tr><td>" + html_escape(b.dataset) + "</td><td>" + html_escape(b.codec) + "</td><td>" +
             html_escape(b.metric) + "</td><td>" + html_escape(r) + "</td>" + value(base, true) +
             value(base, false) + value(current, true) + value(current, false) +
             fmt::format("<td class=\"num\">{}/{}</td></tr>\n", base ? base->count : 0,
                         current ? current->count : 0);
    }
  }
  out += "</table></details>\n";
}

}  // namespace

std::string compare_html(const Comparison& c) {
  const std::string verdict = compare_verdict_line(c);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>tgvc-bench compare: " +
      html_escape(verdict) + "</title>\n" + kStyle + "</head><body>\n";
  out += fmt::format("<h1 class=\"{}\">tgvc-bench compare: {}</h1>\n", c.regressed() ? "fail" : "pass",
                     html_escape(verdict));
  append_runs(out, c);
  for (const CodecVersionChange& change : c.codec_versions) {
    out += "<div class=\"banner\"><strong>Codec version changed:</strong> " +
           html_escape(codec_version_text(change)) + ". Its values were compared across versions.</div>\n";
  }
  out += "<p>" + html_escape(compare_cells_line(c.counts)) + "<br>" +
         html_escape(compare_values_line(c.counts)) + "</p>\n";
  out +=
      "<p class=\"legend\"><span class=\"v-improved\">improved</span><span class=\"v-same\">same</span>"
      "<span class=\"v-within\">within tolerance</span><span class=\"v-regressed\">regressed</span>"
      "<span class=\"v-notcompared\">not compared</span><span class=\"c-info\">cell info</span>"
      "<span class=\"c-regression\">cell regression</span></p>\n";
  out +=
      "<p>Each value cell shows the current value and its change from base; hover for base, tolerance and "
      "verdict.</p>\n";
  append_matrix(out, c);
  append_bd_table(out, c);
  append_means_table(out, c);
  out += "</body></html>\n";
  return out;
}

}  // namespace tgvc
