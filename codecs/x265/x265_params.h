// The x265 adapter's keys (as data) and how they map onto libx265's x265_param.
#pragma once

#include <x265.h>

#include <optional>
#include <string>
#include <vector>

#include "harness/core/frame.h"
#include "harness/core/param_table.h"

namespace tgvc {

// The adapter's settings; an unset optional leaves libx265's (or the preset's) choice.
struct X265Options {
  std::string preset = "medium";  // passed to libx265 by name
  std::string tune;               // empty: none
  std::optional<int> qp;          // at most one of qp, crf and bitrate; none: crf 28
  std::optional<double> crf;
  std::optional<int> bitrate;  // kbps
  int keyint = 250;
  int min_keyint = 0;
  std::optional<int> bframes;
  bool low_delay = false;
  int frame_threads = 1;
  int threads = 1;
};

// The keys `type: x265` accepts, bound to X265Options (defaults from X265Options{}).
const ParamTable<X265Options>& x265_param_table();
const std::vector<ParamSpec>& x265_param_specs();

// Fills `param` (allocated by `api`, whose bit depth is the source's) for `source`: preset and
// tune first, then every key, then the fixed settings (quiet log, no info SEI, headers once).
// Throws InputError ("x265.<key>") for combinations the table cannot reject on its own: more
// than one rate control, low-delay with B-frames, a source smaller than one CTU.
void configure_x265(const x265_api& api, const ParamSet& params, const VideoInfo& source, x265_param* param);

}  // namespace tgvc
