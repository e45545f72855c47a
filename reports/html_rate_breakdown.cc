// Each codec's bits split into its named rate components (T-GVC: header, keyframes,
// trajectories) as stacked horizontal bars: one bar per rate point (mean over the sequences),
// and one per cell folded below.
#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "reports/html_sections.h"

namespace tgvc {
namespace {

using Components = std::vector<std::pair<std::string, double>>;  // name -> bits

const char* component_color(size_t index) {
  static const char* const kColors[] = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
                                        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
  return kColors[index % (sizeof(kColors) / sizeof(kColors[0]))];
}

std::string bits_text(double bits) {
  if (bits >= 1e6) return fmt::format("{:.3g} Mbit", bits / 1e6);
  if (bits >= 1e3) return fmt::format("{:.3g} kbit", bits / 1e3);
  return fmt::format("{:.0f} bit", bits);
}

// A cell's components; a codec that names none has one, "bitstream".
Components components_of(const CellResult& cell) {
  Components out;
  for (const auto& [name, bits] : cell.rate_components) out.emplace_back(name, static_cast<double>(bits));
  if (out.empty()) out.emplace_back("bitstream", static_cast<double>(cell.bits));
  return out;
}

void add_to(Components& sum, const Components& more) {
  for (const auto& component : more) {
    // A named element, not a structured binding: C++17 lambdas cannot capture those (clang refuses).
    auto it = std::find_if(sum.begin(), sum.end(), [&](const auto& c) { return c.first == component.first; });
    if (it == sum.end()) {
      sum.push_back(component);
    } else {
      it->second += component.second;
    }
  }
}

class BarWriter {
 public:
  BarWriter(const std::vector<std::string>& names, Html& html) : names_(names), html_(html) {}

  // One row: label, stacked segments scaled to `max_bits`, total and bpp.
  void row(const std::string& label, const Components& parts, double bpp, double max_bits) {
    double total = 0;
    for (const auto& part : parts) total += part.second;
    html_.open("div", {{"class", "brow"}}).element("span", label, {{"class", "bl"}});
    html_.open("span", {{"class", "bar"}});
    for (const auto& [name, bits] : parts) {
      const double of_total = total > 0 ? 100.0 * bits / total : 0;
      html_.element(
          "span", "",
          {{"style", fmt::format("width:{:.3f}%;background:{}", 100.0 * bits / max_bits, color(name))},
           {"title", fmt::format("{}: {:.0f} bits ({:.1f} %)", name, bits, of_total)}});
    }
    html_.close("span");
    html_.element("span", fmt::format("{} · {} bpp", bits_text(total), format_number(bpp, 3)),
                  {{"class", "bt"}});
    html_.close("div");
  }

  const char* color(const std::string& name) const {
    return component_color(
        static_cast<size_t>(std::find(names_.begin(), names_.end(), name) - names_.begin()));
  }

 private:
  const std::vector<std::string>& names_;
  Html& html_;
};

}  // namespace

void write_rate_breakdown(const RunView& view, const DatasetView& d, Html& html) {
  html.element("h3", "Rate breakdown");
  std::vector<std::string> names;  // every component of the dataset, order of first appearance
  for (const auto& by_codec : d.cells) {
    for (const auto& by_rate : by_codec) {
      for (const CellResult* cell : by_rate) {
        if (cell == nullptr || !cell->ok()) continue;
        for (const auto& part : components_of(*cell)) {
          if (std::find(names.begin(), names.end(), part.first) == names.end()) names.push_back(part.first);
        }
      }
    }
  }
  if (names.empty()) {
    html.element("p", "No successful cell in this dataset.", {{"class", "note"}});
    return;
  }
  BarWriter bars(names, html);
  html.open("div", {{"class", "legend"}});
  for (const std::string& name : names) {
    html.open("span", {{"class", "key"}})
        .element("span", "", {{"class", "sw"}, {"style", std::string("background:") + bars.color(name)}})
        .text(name)
        .close("span");
  }
  html.close("div");

  for (size_t c = 0; c < d.codecs.size(); ++c) {
    // Per rate point: components summed over the sequences with a successful cell.
    std::vector<Components> sums(d.rate_points[c].size());
    std::vector<double> bpp_sums(d.rate_points[c].size(), 0);
    std::vector<size_t> counts(d.rate_points[c].size(), 0);
    std::vector<const CellResult*> cells;
    Components share_sum;  // each component's share of its cell's bits, summed over cells
    double max_bits = 1;
    for (size_t s = 0; s < d.sequences.size(); ++s) {
      for (size_t r = 0; r < d.cells[s][c].size(); ++r) {
        const CellResult* cell = d.cells[s][c][r];
        if (cell == nullptr || !cell->ok()) continue;
        cells.push_back(cell);
        const Components parts = components_of(*cell);
        add_to(sums[r], parts);
        bpp_sums[r] += cell->bpp;
        ++counts[r];
        max_bits = std::max(max_bits, static_cast<double>(cell->bits));
        Components shares;
        for (const auto& [name, bits] : parts)
          shares.emplace_back(name, cell->bits > 0 ? bits / cell->bits : 0);
        add_to(share_sum, shares);
      }
    }
    if (cells.empty()) continue;
    std::string summary = view.codecs[d.codecs[c]] + ": ";
    for (size_t i = 0; i < share_sum.size(); ++i) {
      summary += fmt::format("{}{} {:.1f} %", i == 0 ? "" : ", ", share_sum[i].first,
                             100 * share_sum[i].second / static_cast<double>(cells.size()));
    }
    summary += " of the bits on average";
    // Codecs with several components (T-GVC) are the point of this section: shown open.
    if (share_sum.size() > 1) {
      html.open("details", {{"open", ""}});
    } else {
      html.open("details");
    }
    html.element("summary", summary);
    double max_mean = 1;
    for (size_t r = 0; r < sums.size(); ++r) {
      double total = 0;
      for (const auto& part : sums[r]) total += part.second;
      if (counts[r] > 0) max_mean = std::max(max_mean, total / static_cast<double>(counts[r]));
    }
    html.open("div", {{"class", "bars"}});
    for (size_t r = 0; r < sums.size(); ++r) {
      if (counts[r] == 0) continue;
      Components mean = sums[r];
      for (auto& part : mean) part.second /= static_cast<double>(counts[r]);
      bars.row(fmt::format("{} (mean of {})", d.rate_points[c][r], counts[r]), mean,
               bpp_sums[r] / static_cast<double>(counts[r]), max_mean);
    }
    html.close("div");
    html.open("details", {{"class", "inner"}})
        .element("summary", fmt::format("Every cell ({})", cells.size()));
    html.open("div", {{"class", "bars"}});
    for (const CellResult* cell : cells) {
      bars.row(cell->sequence + " · " + cell->rate_point, components_of(*cell), cell->bpp, max_bits);
    }
    html.close("div").close("details").close("details");
  }
  html.element(
      "p",
      "Bars are in bits: per rate point the mean over the sequences whose cell succeeded, and per "
      "cell under \"Every cell\", each scaled to the codec's largest bar; hover a segment for its bits "
      "and share. Components sum to the cell's bits (real bitstream bytes, headers included).",
      {{"class", "caption"}});
}

}  // namespace tgvc
