// The T-GVC paper's published R-D points (third_party/paper/tgvc_rd_points.csv): its own
// T-GVC numbers and digitised HM, VTM and DCVC-FM curves, drawn beside ours in the report.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace tgvc {

struct PaperPoint {
  std::string dataset;  // as the paper names it: HEVC_B, HEVC_C, UVG, MCL-JCV
  std::string codec;
  double bpp = 0;
  std::map<std::string, double> values;  // column -> value ("lpips", "clip_sim"); empty cells left out
  std::string source;                    // "exact" (from the paper's text) or "digitised" (from a figure)
};

// Reads the CSV: a header naming `dataset`, `codec` and `bpp` (and optionally `source`); every
// other column is a metric whose empty cells mean "not published". Throws InputError naming the
// file and line on a missing column, a row of the wrong width or a value that is not a number.
std::vector<PaperPoint> read_paper_points(const std::string& path);
std::vector<PaperPoint> parse_paper_points(const std::string& text, const std::string& where);

// The paper's column for one of our value names, as its descriptor states (ValueSpec::paper_column:
// "lpips_alex" -> "lpips", "clipsim" -> "clip_sim"); empty when the paper has none.
std::string paper_column_for_metric(const std::string& metric);

// True when a paper dataset name and ours name the same set: compared case-insensitively with
// everything but letters and digits dropped ("HEVC_B" matches "hevc-b").
bool same_dataset_name(const std::string& paper, const std::string& ours);

}  // namespace tgvc
