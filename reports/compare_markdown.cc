#include "reports/compare_markdown.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "reports/compare_format.h"

namespace tgvc {
namespace {

struct Row {
  std::string cell, value, base, current, delta, tolerance, note;
};

Row value_row(const CellDiff& cell, const ValueDiff& v) {
  return {cell.key.label(),
          v.name,
          compare_number(v.base),
          compare_number(v.current),
          compare_delta(v),
          v.tolerance,
          v.note.empty() ? verdict_name(v.verdict) : v.note};
}

Row cell_row(const CellDiff& cell) {
  std::string note = cell_status_name(cell.status);
  if (!cell.message.empty()) note += ": " + cell.message;
  return {cell.key.label(), "", "", "", "", "", note};
}

void append_table(std::string& out, const std::string& title, const std::vector<Row>& rows, int max_rows) {
  if (rows.empty()) return;
  out += fmt::format("\n### {} ({})\n\n", title, rows.size());
  out += "| cell | value | base | current | delta | tolerance | note |\n";
  out += "| --- | --- | ---: | ---: | ---: | --- | --- |\n";
  const size_t shown = std::min(rows.size(), static_cast<size_t>(std::max(max_rows, 0)));
  for (size_t i = 0; i < shown; ++i) {
    const Row& r = rows[i];
    out += "| " + markdown_cell(r.cell) + " | " + markdown_cell(r.value) + " | " + markdown_cell(r.base) +
           " | " + markdown_cell(r.current) + " | " + markdown_cell(r.delta) + " | " +
           markdown_cell(r.tolerance) + " | " + markdown_cell(r.note) + " |\n";
  }
  if (shown < rows.size())
    out += fmt::format("\n... and {} more rows: see compare.html\n", rows.size() - shown);
}

void append_bd_table(std::string& out, const std::vector<CodecBdChange>& bd, int max_rows) {
  if (bd.empty()) return;
  out += "\n### BD of current against base\n\n" + markdown_cell(compare_bd_caption()) + "\n\n";
  out += "| dataset | codec | metric | BD-rate % | BD-quality | sequences |\n";
  out += "| --- | --- | --- | ---: | ---: | ---: |\n";
  const size_t shown = std::min(bd.size(), static_cast<size_t>(std::max(max_rows, 0)));
  for (size_t i = 0; i < shown; ++i) {
    const CodecBdChange& b = bd[i];
    out += "| " + markdown_cell(b.dataset) + " | " + markdown_cell(b.codec) + " | " +
           markdown_cell(b.metric) + " | " + compare_bd_number(b.bd.mean_bd_rate_pct, 3) + " | " +
           compare_bd_number(b.bd.mean_bd_quality, 4) +
           fmt::format(" | {}/{} |\n", b.bd.mean_count, b.bd.sequences.size());
  }
  if (shown < bd.size()) out += fmt::format("\n... and {} more rows: see compare.html\n", bd.size() - shown);
}

void append_run_row(std::string& out, const char* side, const RunInfo& run) {
  out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", side, markdown_cell(run.run_dir),
                     markdown_cell(run.experiment), markdown_cell(run.git_commit),
                     markdown_cell(run.tool_version), markdown_cell(run.started_utc));
}

}  // namespace

std::string markdown_cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '|':
        out += "\\|";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string compare_markdown(const Comparison& comparison, int max_rows) {
  std::string out = "## tgvc-bench compare: " + compare_verdict_line(comparison) + "\n\n";
  out +=
      "| run | directory | experiment | commit | tool | started |\n| --- | --- | --- | --- | --- | --- |\n";
  append_run_row(out, "base", comparison.base);
  append_run_row(out, "current", comparison.current);
  out += "\n";
  for (const CodecVersionChange& change : comparison.codec_versions) {
    out += "> **Codec version changed:** " + markdown_cell(codec_version_text(change)) + "\n>\n";
  }
  if (!comparison.codec_versions.empty())
    out += "> Values of these codecs were compared across versions.\n\n";
  out += "- " + compare_cells_line(comparison.counts) + "\n";
  out += "- " + compare_values_line(comparison.counts) + "\n";

  std::vector<Row> regressions, notable;
  for (const CellDiff& cell : comparison.cells) {
    if (cell.status == CellStatus::kMissingInCurrent || cell.status == CellStatus::kFailedInCurrent) {
      regressions.push_back(cell_row(cell));
    } else if (cell.status != CellStatus::kCompared) {
      notable.push_back(cell_row(cell));
    }
    for (const ValueDiff& v : cell.values) {
      if (v.verdict == Verdict::kRegressed) {
        regressions.push_back(value_row(cell, v));
      } else if (v.notable_improvement() ||
                 (v.verdict == Verdict::kNotCompared && std::isfinite(v.current))) {
        notable.push_back(value_row(cell, v));
      }
    }
  }
  append_table(out, "Regressions", regressions, max_rows);
  append_table(out, "Notable changes", notable, max_rows);
  append_bd_table(out, comparison.bd, max_rows);
  return out;
}

}  // namespace tgvc
