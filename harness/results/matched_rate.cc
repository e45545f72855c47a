#include "harness/results/matched_rate.h"

#include <algorithm>
#include <cmath>

namespace tgvc {
namespace {

bool eligible(const CellResult* cell) {
  return cell != nullptr && cell->ok() && std::isfinite(cell->bpp) && cell->bpp > 0;
}

}  // namespace

MatchedCells match_bpp(const std::vector<std::vector<const CellResult*>>& cells_by_codec) {
  MatchedCells out;
  out.cells.assign(cells_by_codec.size(), nullptr);
  std::vector<double> lowest;
  for (const auto& cells : cells_by_codec) {
    double low = INFINITY;
    for (const CellResult* cell : cells) {
      if (eligible(cell)) low = std::min(low, cell->bpp);
    }
    if (std::isfinite(low)) lowest.push_back(low);
  }
  if (lowest.empty()) return out;
  std::sort(lowest.begin(), lowest.end());
  const size_t n = lowest.size();
  out.target_bpp = n % 2 == 1 ? lowest[n / 2] : std::sqrt(lowest[n / 2 - 1] * lowest[n / 2]);
  const double log_target = std::log(out.target_bpp);
  for (size_t c = 0; c < cells_by_codec.size(); ++c) {
    double best = INFINITY;
    for (const CellResult* cell : cells_by_codec[c]) {
      if (!eligible(cell)) continue;
      const double distance = std::fabs(std::log(cell->bpp) - log_target);
      const CellResult* current = out.cells[c];
      if (distance < best - 1e-12 ||
          (std::fabs(distance - best) <= 1e-12 && current != nullptr && cell->bpp < current->bpp)) {
        best = distance;
        out.cells[c] = cell;
      }
    }
  }
  return out;
}

}  // namespace tgvc
