// The regression gate's tolerances file (YAML, docs/compare.md):
//   default: {abs: 0.0}
//   metrics: {psnr_*: {abs: 0.05}, bpp: {rel: 0.01}}
//   ignore: [kbps]
#pragma once

#include <string>

#include "harness/core/compare_tolerance_rules.h"

namespace tgvc {

// Throws InputError at file:line:column for bad YAML, unknown keys (naming the closest valid one),
// rules without abs or rel, negative or non-numeric bounds and repeated patterns.
Tolerances parse_tolerances(const std::string& text, const std::string& file);

// Reads the file; InputError naming it when it cannot be read.
Tolerances load_tolerances(const std::string& path);

}  // namespace tgvc
