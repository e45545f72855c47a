#include "harness/results/run_grid.h"

#include <unordered_map>

namespace tgvc {

RunGrid group_cells(const std::vector<CellResult>& cells) {
  RunGrid grid;
  std::unordered_map<std::string, size_t> dataset_index;
  for (const CellResult& cell : cells) {
    index_of_or_append(grid.codecs, cell.codec);
    cell.ok() ? ++grid.ok_count : ++grid.failed_count;
    if (dataset_index.emplace(cell.dataset, grid.datasets.size()).second) {
      grid.datasets.emplace_back();
      grid.datasets.back().name = cell.dataset;
    }
  }

  for (const CellResult& cell : cells) {
    DatasetGrid& d = grid.datasets[dataset_index.at(cell.dataset)];
    const size_t codec = static_cast<size_t>(std::find(grid.codecs.begin(), grid.codecs.end(), cell.codec) -
                                             grid.codecs.begin());
    const size_t s = index_of_or_append(d.sequences, cell.sequence);
    const size_t c = index_of_or_append(d.codecs, codec);
    if (d.rate_points.size() <= c) d.rate_points.resize(c + 1);
    const size_t r = index_of_or_append(d.rate_points[c], cell.rate_point);
    if (d.cells.size() <= s) d.cells.resize(s + 1);
    if (d.cells[s].size() <= c) d.cells[s].resize(c + 1);
    if (d.cells[s][c].size() <= r) d.cells[s][c].resize(r + 1, nullptr);
    if (d.cells[s][c][r] != nullptr) {
      ++grid.duplicate_cells;
      continue;
    }
    d.cells[s][c][r] = &cell;
    ++d.cell_count;
    d.ok_count += cell.ok() ? 1 : 0;
  }
  // Ragged grids padded so that every [s][c][r] of a dataset exists.
  for (DatasetGrid& d : grid.datasets) {
    d.cells.resize(d.sequences.size());
    for (auto& by_codec : d.cells) {
      by_codec.resize(d.codecs.size());
      for (size_t c = 0; c < d.codecs.size(); ++c) by_codec[c].resize(d.rate_points[c].size(), nullptr);
    }
  }
  // Codecs of a dataset in run order.
  for (DatasetGrid& d : grid.datasets) {
    std::vector<size_t> order(d.codecs.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return d.codecs[a] < d.codecs[b]; });
    DatasetGrid sorted = d;
    for (size_t i = 0; i < order.size(); ++i) {
      sorted.codecs[i] = d.codecs[order[i]];
      sorted.rate_points[i] = d.rate_points[order[i]];
      for (size_t s = 0; s < d.sequences.size(); ++s) sorted.cells[s][i] = d.cells[s][order[i]];
    }
    d = std::move(sorted);
  }
  return grid;
}

}  // namespace tgvc
