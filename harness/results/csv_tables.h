// results.csv (one row per cell), frames.csv (one row per cell and frame) and sets.csv (one row
// per per-set metric value).
#pragma once

#include <string>
#include <vector>

#include "harness/results/cell_result.h"
#include "harness/results/set_result.h"

namespace tgvc {

// Columns: dataset, sequence, codec, codec_type, rate_point, params, width, height, frames, fps,
// bits, bpp, kbps, bits_<component>..., every metric value name..., status, stage, error.
// A metric that is n/a is written as "n/a" (its reason is in results.json).
std::string results_csv(const std::vector<CellResult>& cells);

// Columns: dataset, sequence, codec, rate_point, frame, every per-frame metric value name...
std::string frames_csv(const std::vector<CellResult>& cells);

// Columns: metric, codec, rate_point, sequences (count), bpp, kbps (means over the set), name,
// value ("n/a" when not available), unit, convention, reason.
std::string sets_csv(const std::vector<SetResult>& sets);

// RFC 4180 quoting where needed.
std::string csv_field(const std::string& text);
// Shortest text that reads back to the same double; "n/a" for NaN.
std::string csv_number(double value);

}  // namespace tgvc
