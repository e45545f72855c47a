// The keys of `type: external` (docs/codecs.md, "External codecs"): the argv lists, the bitstream
// file, the exchange formats, timeout, environment and version command. Any other key is the
// user's own, for {KEY} placeholders.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "codecs/external/exchange_video.h"
#include "harness/core/param_table.h"

namespace tgvc {

struct ExternalParams {
  std::string encode;  // list texts (harness/core/string_lists.h)
  std::string decode;
  std::string bitstream;  // a file name in the work dir, or a glob
  ExchangeFormat input_format = ExchangeFormat::kY4m;
  ExchangeFormat output_format = ExchangeFormat::kY4m;
  bool one_shot = false;
  bool whole_chroma = false;  // pad odd sizes to whole chroma samples (frame_padding.h)
  double timeout = 0;         // seconds; 0: none
  std::string env;            // mapping text
  std::string version;        // list text
};

const ParamTable<ExternalParams>& external_param_table();
// The table's specs and the open spec (kAnyOtherKey) for the user's keys.
const std::vector<ParamSpec>& external_param_specs();

// The placeholders every external codec's argv may use besides its param and sweep keys.
const std::vector<std::string>& external_placeholders();

// ExternalParams with its lists and mapping read, and the rules that span keys checked.
struct ExternalCommand {
  ExternalParams params;
  std::vector<std::string> encode;
  std::vector<std::string> decode;
  std::vector<std::string> version;
  std::map<std::string, std::string> env;
  bool uses_recon = false;  // some encode item holds {recon}
};

// Throws InputError (where = external.<key>) for a missing encode or bitstream, a decode missing
// (or given with one-shot), or a bitstream name that leaves the work dir.
ExternalCommand external_command(const ParamSet& params);

}  // namespace tgvc
