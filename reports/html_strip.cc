// The visual strip: every codec's decoded frame at matched bpp, each the frame nearest its median
// of the report's first main metric (reports/still_frame.h), beside the source frame of the same
// index, embedded as PNG data URIs read from the run directory.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "harness/core/file_names.h"
#include "harness/results/matched_rate.h"
#include "reports/html_base64.h"
#include "reports/html_sections.h"
#include "reports/still_frame.h"

namespace tgvc {
namespace {

constexpr uintmax_t kMaxPngBytes = 64u << 20;  // a 512x320 frame is well under 1 MiB

struct Image {
  std::string data_uri;  // empty: see `problem`
  std::string problem;
};

Image load_png(const std::filesystem::path& path) {
  std::error_code ec;
  const uintmax_t size = std::filesystem::file_size(path, ec);
  const std::string shown = path.filename().string();
  if (ec) return {{}, "no frame saved (" + shown + " missing)"};
  if (size > kMaxPngBytes) return {{}, shown + " is larger than 64 MiB"};
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) return {{}, shown + " could not be read"};
  static constexpr char kSignature[] = "\x89PNG\r\n\x1a\n";
  if (bytes.compare(0, 8, kSignature, 8) != 0) return {{}, shown + " is not a PNG file"};
  return {"data:image/png;base64," + base64_encode(bytes), {}};
}

void figure(Html& html, const Image& image, const std::string& alt, const std::string& title,
            const std::string& line2, const std::string& line3, const std::string& line4 = "") {
  html.open("figure");
  if (image.data_uri.empty()) {
    html.element("div", image.problem, {{"class", "missing"}});
  } else {
    html.empty("img", {{"src", image.data_uri}, {"alt", alt}}, false);
  }
  html.open("figcaption").element("b", title);
  if (!line2.empty()) html.empty("br", {}, false).text(line2);
  if (!line3.empty()) html.empty("br", {}, false).text(line3);
  if (!line4.empty()) html.empty("br", {}, false).text(line4);
  html.close("figcaption").close("figure");
}

// The frame a cell's still shows: as recorded, or the middle one in results from before the rule.
int shown_frame(const CellResult& cell) {
  return cell.still_frame >= 0 ? cell.still_frame : cell.frames / 2;
}

std::string frame_note(const CellResult& cell) {
  const std::string index = "frame " + std::to_string(shown_frame(cell));
  if (cell.still_frame < 0) return index + ": the middle frame (result stored before the median rule)";
  if (cell.still_metric.empty()) return index + ": the middle frame (no per-frame values)";
  return index + ": nearest the median " + cell.still_metric;
}

}  // namespace

void write_visual_strip(const RunView& view, const DatasetView& d, Html& html) {
  html.element("h3", "Decoded frames at matched bpp");
  const std::filesystem::path dir(view.run->run_dir);
  const std::string primary = view.metrics.empty() ? std::string() : view.metrics.front();
  for (size_t s = 0; s < d.sequences.size(); ++s) {
    const MatchedCells& matched = summary_of(view, d).matched[s];
    if (matched.target_bpp == 0) continue;
    html.open("div", {{"class", "strip-seq"}})
        .element("h4",
                 fmt::format("{} — target {} bpp", d.sequences[s], format_number(matched.target_bpp, 3)));
    html.open("div", {{"class", "strip"}});
    for (size_t c = 0; c < d.codecs.size(); ++c) {
      const CellResult* cell = matched.cells[c];
      const std::string& codec = view.codecs[d.codecs[c]];
      if (cell == nullptr) {
        figure(html, {{}, "no successful cell"}, codec, codec, "", "");
        continue;
      }
      // Each decoded frame beside the source frame of the same index, so the pair reads at a glance.
      const int frame = shown_frame(*cell);
      const std::string source_file =
          cell->still_frame >= 0 ? still_source_file(d.name, d.sequences[s], cell->still_frame)
                                 : "sources/" + file_safe(d.name) + "__" + file_safe(d.sequences[s]) + ".png";
      html.open("div", {{"class", "pair"}});
      figure(html, load_png(dir / source_file),
             "source frame " + std::to_string(frame) + " of " + d.sequences[s], "source",
             "frame " + std::to_string(frame), "");
      // A cell id that is not a plain file name never becomes a path.
      const Image image = file_safe(cell->cell_id) == cell->cell_id && !cell->cell_id.empty()
                              ? load_png(dir / "cells" / (cell->cell_id + ".png"))
                              : Image{{}, "the cell id is not a file name"};
      std::string quality;
      if (!primary.empty()) {
        const double v = usable_value(*cell, primary);
        const auto unit = view.units.find(primary);
        quality =
            primary + " " + format_number(v) +
            (std::isfinite(v) && unit != view.units.end() && !unit->second.empty() ? " " + unit->second : "");
      }
      figure(html, image, codec + " at " + cell->rate_point + ", frame " + std::to_string(frame), codec,
             cell->rate_point + " · " + format_number(cell->bpp, 3) + " bpp", quality, frame_note(*cell));
      html.close("div");
    }
    html.close("div").close("div");
  }
  html.element(
      "p",
      "Target: the median over codecs of each codec's lowest bpp on this sequence; each codec shows its "
      "rate point closest to the target on a log scale. Frame: each cell shows its frame whose value of the "
      "report's first main metric is nearest that cell's median over its frames (the lowest index on a "
      "tie), so the picture is a typical frame of the cell, not one chosen for all codecs; its index and "
      "metric are under each frame, beside the source frame of the same index. Frames are the decoded "
      "frames at coded size, as the run saved them.",
      {{"class", "caption"}});
}

}  // namespace tgvc
