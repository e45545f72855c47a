// The x265 adapter's keys (as data) and how they map onto libx265's x265_param.
#pragma once

#include <x265.h>

#include <vector>

#include "harness/core/frame.h"
#include "harness/core/params.h"

namespace tgvc {

// The keys `type: x265` accepts, with defaults, ranges and help.
const std::vector<ParamSpec>& x265_param_specs();

// Fills `param` (allocated by `api`, whose bit depth is the source's) for `source`: preset and
// tune first, then every key, then the fixed settings (quiet log, no info SEI, headers once).
// Throws InputError ("x265.<key>") for combinations the table cannot reject on its own: more
// than one rate control, low-delay with B-frames, a source smaller than one CTU.
void configure_x265(const x265_api& api, const ParamSet& params, const VideoInfo& source, x265_param* param);

}  // namespace tgvc
