#include <string>
#include <vector>

#include "harness/core/error.h"
#include "harness/tracking/tracks.h"

namespace tgvc {
namespace {

// The pixel centre of lattice index i when `count` points share `extent` pixels: the pixel under
// the centre of the i-th of `count` equal cells, so an 8-pixel cell gives 4.5, 12.5, ...
float lattice_centre(int i, int count, int extent) {
  const long long pixel = (2LL * i + 1) * extent / (2LL * count);
  return static_cast<float>(pixel) + 0.5f;
}

}  // namespace

std::vector<TrackQuery> grid_queries(int width, int height, int frame_count, int grid) {
  if (width < 1) throw InputError("grid_queries width", "at least 1", std::to_string(width));
  if (height < 1) throw InputError("grid_queries height", "at least 1", std::to_string(height));
  if (frame_count < 1) {
    throw InputError("grid_queries frame_count", "at least 1", std::to_string(frame_count));
  }
  if (grid < 1 || grid > 4096) throw InputError("grid_queries grid", "1..4096", std::to_string(grid));
  std::vector<TrackQuery> queries;
  queries.reserve(2 * static_cast<size_t>(grid) * grid);
  for (int frame : {0, frame_count - 1}) {
    for (int row = 0; row < grid; ++row) {
      for (int column = 0; column < grid; ++column) {
        queries.push_back({lattice_centre(column, grid, width), lattice_centre(row, grid, height), frame});
      }
    }
  }
  return queries;
}

}  // namespace tgvc
