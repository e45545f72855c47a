// The aom adapter's keys (as data) and how they map onto libaom's configuration and controls.
#pragma once

#include <aom/aom_encoder.h>

#include <vector>

#include "harness/core/frame.h"
#include "harness/core/params.h"

namespace tgvc {

// The keys `type: aom` accepts, with defaults, ranges and help.
const std::vector<ParamSpec>& aom_param_specs();

// libaom's usage (AOM_USAGE_GOOD_QUALITY or AOM_USAGE_REALTIME) named by the `usage` key.
unsigned int aom_usage(const ParamSet& params);

// Fills `cfg` (already holding libaom's defaults for aom_usage(params)) for `source`: size, time
// base, profile and bit depth, rate control, GOP, lag and threads. Throws InputError
// ("aom.<key>") for combinations the table cannot reject on its own (a bitrate with end-usage q,
// none with vbr/cbr/cq, min-keyint above keyint).
void configure_aom(const ParamSet& params, const VideoInfo& source, aom_codec_enc_cfg_t* cfg);

// Sets the per-encoder controls (cpu-used, cq-level, row-mt, tiles, TPL) on an initialised
// encoder. A value libaom refuses raises InputError naming the key.
void apply_aom_controls(const ParamSet& params, aom_codec_ctx_t* encoder);

}  // namespace tgvc
