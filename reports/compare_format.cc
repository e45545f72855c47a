#include "reports/compare_format.h"

#include <cmath>
#include <vector>

#include <fmt/format.h>

namespace tgvc {

std::string compare_number(double value) {
  if (!std::isfinite(value)) return "n/a";
  if (value == std::floor(value) && std::fabs(value) < 1e15) return fmt::format("{:.0f}", value);
  return fmt::format("{:.7g}", value);
}

std::string compare_delta(const ValueDiff& value) {
  if (!std::isfinite(value.delta)) return "";
  std::string text = fmt::format("{:+.4g}", value.delta);
  if (value.base != 0) text += fmt::format(" ({:+.2f}%)", 100 * value.delta / std::fabs(value.base));
  return text;
}

std::string compare_verdict_line(const Comparison& comparison) {
  const int n = comparison.counts.regressions;
  if (n == 0) return "PASS: no regression";
  return fmt::format("FAIL: {} regression{}", n, n == 1 ? "" : "s");
}

std::string compare_cells_line(const CompareCounts& c) {
  return fmt::format("{} cells matched, {} missing, {} new, {} failed, {} fixed, {} failed in both",
                     c.matched, c.missing, c.added, c.failed, c.fixed, c.failed_both);
}

std::string compare_values_line(const CompareCounts& c) {
  const int total = c.improved + c.same + c.within + c.regressed + c.not_compared;
  return fmt::format("{} values: {} improved, {} same, {} within tolerance, {} regressed, {} not compared",
                     total, c.improved, c.same, c.within, c.regressed, c.not_compared);
}

std::string codec_version_text(const CodecVersionChange& change) {
  return fmt::format("{}: {} -> {} ({} cell{})", change.codec, change.base_version, change.current_version,
                     change.cells, change.cells == 1 ? "" : "s");
}

std::string compare_console_summary(const Comparison& comparison, int max_regressions) {
  std::string out = compare_verdict_line(comparison) + "\n";
  out += compare_cells_line(comparison.counts) + "\n" + compare_values_line(comparison.counts) + "\n";
  for (const CodecVersionChange& change : comparison.codec_versions) {
    out += "codec version changed: " + codec_version_text(change) + "\n";
  }
  int listed = 0;
  for (const CellDiff& cell : comparison.cells) {
    std::vector<std::string> lines;
    if (cell.status == CellStatus::kMissingInCurrent || cell.status == CellStatus::kFailedInCurrent) {
      lines.push_back(cell_status_name(cell.status) + (cell.message.empty() ? "" : ": " + cell.message));
    }
    for (const ValueDiff& v : cell.values) {
      if (v.verdict != Verdict::kRegressed) continue;
      if (std::isfinite(v.delta)) {
        lines.push_back(fmt::format("{} {} -> {} ({}; tolerance {})", v.name, compare_number(v.base),
                                    compare_number(v.current), compare_delta(v), v.tolerance));
      } else {
        lines.push_back(v.name + " " + v.note);
      }
    }
    for (const std::string& line : lines) {
      if (listed++ < max_regressions) out += "  regressed: " + cell.key.label() + ": " + line + "\n";
    }
  }
  if (listed > max_regressions) out += fmt::format("  ... and {} more\n", listed - max_regressions);
  return out;
}

std::string compare_bd_number(double value, int decimals) {
  return std::isfinite(value) ? fmt::format("{:.{}f}", value, decimals) : "n/a";
}

std::string compare_bd_caption() {
  return std::string("Each codec's curves in current against its curves in base (") +
         to_string(kCompareBdMethod) + ", log10 of bpp, per sequence); the mean is " + kBdMeanRule +
         ", as in report.html and `tgvc-bench bd`. Negative BD-rate: current needs fewer bits for the same "
         "quality; positive BD-quality: current is better at the same rate. Information only: the gate "
         "judges the values above.";
}

}  // namespace tgvc
