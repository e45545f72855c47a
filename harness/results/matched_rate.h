// The visual strip's "matched bpp" rule: one cell per codec at a rate all codecs can reach.
#pragma once

#include <vector>

#include "harness/results/cell_result.h"

namespace tgvc {

struct MatchedCells {
  double target_bpp = 0;                 // 0 when no codec has a successful cell
  std::vector<const CellResult*> cells;  // per codec; nullptr when it has no successful cell
};

// `cells_by_codec[c]` holds one sequence's cells of codec c (nullptr entries allowed). The target
// is the median over codecs of each codec's lowest bpp (the geometric mean of the middle two for
// an even count); each codec then gets its successful cell whose bpp is closest to the target on a
// log scale (the lower bpp on a tie). Cells with a bpp that is not positive and finite are ignored.
MatchedCells match_bpp(const std::vector<std::vector<const CellResult*>>& cells_by_codec);

}  // namespace tgvc
