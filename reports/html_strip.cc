// The visual strip: each sequence's source middle frame next to every codec's decoded middle
// frame at matched bpp, embedded as PNG data URIs read from the run directory.
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "harness/core/file_names.h"
#include "reports/html_base64.h"
#include "reports/html_matched_rate.h"
#include "reports/html_sections.h"

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
            const std::string& line2, const std::string& line3) {
  html.open("figure");
  if (image.data_uri.empty()) {
    html.element("div", image.problem, {{"class", "missing"}});
  } else {
    html.empty("img", {{"src", image.data_uri}, {"alt", alt}}, false);
  }
  html.open("figcaption").element("b", title);
  if (!line2.empty()) html.empty("br", {}, false).text(line2);
  if (!line3.empty()) html.empty("br", {}, false).text(line3);
  html.close("figcaption").close("figure");
}

}  // namespace

void write_visual_strip(const RunView& view, const DatasetView& d, Html& html) {
  html.element("h3", "Decoded frames at matched bpp");
  const std::filesystem::path dir(view.run->run_dir);
  const std::string primary = view.metrics.empty() ? std::string() : view.metrics.front();
  for (size_t s = 0; s < d.sequences.size(); ++s) {
    const MatchedCells matched = match_bpp(d.cells[s]);
    if (matched.target_bpp == 0) continue;
    int frames = 0;
    for (const CellResult* cell : matched.cells) {
      if (cell != nullptr) frames = cell->frames;
    }
    html.open("div", {{"class", "strip-seq"}})
        .element("h4", fmt::format("{} — middle frame (index {}), target {} bpp", d.sequences[s], frames / 2,
                                   format_number(matched.target_bpp, 3)));
    html.open("div", {{"class", "strip"}});
    const std::string source_file = file_safe(d.name) + "__" + file_safe(d.sequences[s]) + ".png";
    figure(html, load_png(dir / "sources" / source_file), "source frame of " + d.sequences[s], "source", "",
           "");
    for (size_t c = 0; c < d.codecs.size(); ++c) {
      const CellResult* cell = matched.cells[c];
      const std::string& codec = view.codecs[d.codecs[c]];
      if (cell == nullptr) {
        figure(html, {{}, "no successful cell"}, codec, codec, "", "");
        continue;
      }
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
      figure(html, image, codec + " at " + cell->rate_point, codec,
             cell->rate_point + " · " + format_number(cell->bpp, 3) + " bpp", quality);
    }
    html.close("div").close("div");
  }
  html.element(
      "p",
      "Target: the median over codecs of each codec's lowest bpp on this sequence; each codec shows its "
      "rate point closest to the target on a log scale. Frames are the decoded frames at coded size, as "
      "the run saved them.",
      {{"class", "caption"}});
}

}  // namespace tgvc
