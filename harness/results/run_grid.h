// A run's cells grouped the way every summary reads them: dataset -> sequence x codec x rate point.
// report.html's sections and the summary step (run_summary.h) share one grouping.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "harness/results/cell_result.h"

namespace tgvc {

struct DatasetGrid {
  std::string name;
  std::vector<std::string> sequences;                 // order of first appearance
  std::vector<size_t> codecs;                         // indices into RunGrid::codecs, run order
  std::vector<std::vector<std::string>> rate_points;  // per entry of `codecs`, order of first appearance
  // cells[s][c][r]: sequence s, entry c of `codecs`, rate point r of it; nullptr when absent.
  std::vector<std::vector<std::vector<const CellResult*>>> cells;
  size_t cell_count = 0;
  size_t ok_count = 0;
};

struct RunGrid {
  std::vector<std::string> codecs;  // order of first appearance
  std::vector<DatasetGrid> datasets;
  size_t ok_count = 0;
  size_t failed_count = 0;
  size_t duplicate_cells = 0;  // same dataset, sequence, codec and rate point as an earlier cell: ignored
};

// Groups `cells` (which must outlive the grid: it points into them).
RunGrid group_cells(const std::vector<CellResult>& cells);

// The position of `value` in `list`, appended when new: lists keep first-seen (run) order.
template <typename T>
size_t index_of_or_append(std::vector<T>& list, const T& value) {
  const auto it = std::find(list.begin(), list.end(), value);
  if (it != list.end()) return static_cast<size_t>(it - list.begin());
  list.push_back(value);
  return list.size() - 1;
}

}  // namespace tgvc
