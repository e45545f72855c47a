// The aom adapter's keys (as data) and how they map onto libaom's configuration and controls.
#pragma once

#include <aom/aom_encoder.h>

#include <optional>
#include <string>
#include <vector>

#include "harness/core/frame.h"
#include "harness/core/param_table.h"

namespace tgvc {

enum class AomUsage { kGood, kRealtime };

// The adapter's settings; an unset optional leaves libaom's choice.
struct AomOptions {
  AomUsage usage = AomUsage::kGood;
  aom_rc_mode end_usage = AOM_Q;
  int cq_level = 32;
  std::optional<int> bitrate;  // kbps; required by vbr, cbr and cq, refused by q
  int cpu_used = 6;
  int keyint = 9999;
  int min_keyint = 0;
  std::optional<int> lag_in_frames;
  int threads = 1;
  bool row_mt = true;
  int tile_columns = 0;  // log2
  int tile_rows = 0;     // log2
  bool enable_tpl = true;
};

// The keys `type: aom` accepts, bound to AomOptions (defaults from AomOptions{}).
const ParamTable<AomOptions>& aom_param_table();
const std::vector<ParamSpec>& aom_param_specs();

// libaom's usage (AOM_USAGE_GOOD_QUALITY or AOM_USAGE_REALTIME).
unsigned int aom_usage(const AomOptions& options);

// Fills `cfg` (already holding libaom's defaults for aom_usage(options)) for `source`: size, time
// base, profile and bit depth, rate control, GOP, lag and threads. Throws InputError
// ("aom.<key>") for combinations the table cannot reject on its own (a bitrate with end-usage q,
// none with vbr/cbr/cq, min-keyint above keyint).
void configure_aom(const AomOptions& options, const VideoInfo& source, aom_codec_enc_cfg_t* cfg);

// Sets the per-encoder controls (cpu-used, cq-level, row-mt, tiles, TPL) on an initialised
// encoder. A value libaom refuses raises InputError naming the key.
void apply_aom_controls(const AomOptions& options, aom_codec_ctx_t* encoder);

}  // namespace tgvc
