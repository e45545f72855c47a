// results.csv (one row per cell) and frames.csv (one row per cell and frame).
#pragma once

#include <string>
#include <vector>

#include "reports/cell_result.h"

namespace tgvc {

// Columns: dataset, sequence, codec, codec_type, rate_point, params, width, height, frames, fps,
// bits, bpp, kbps, bits_<component>..., every metric value name..., status, stage, error.
// A metric that is n/a is written as "n/a" (its reason is in results.json).
std::string results_csv(const std::vector<CellResult>& cells);

// Columns: dataset, sequence, codec, rate_point, frame, every per-frame metric value name...
std::string frames_csv(const std::vector<CellResult>& cells);

// RFC 4180 quoting where needed.
std::string csv_field(const std::string& text);
// Shortest text that reads back to the same double; "n/a" for NaN.
std::string csv_number(double value);

}  // namespace tgvc
