// `type: external`: any codec by command line. The encode and decode argv lists run without a
// shell in a fresh work directory per cell; the rate is the bitstream file's bytes; the decode is
// checked against the source's frame count and geometry and, where the encoder writes {recon},
// against that reconstruction (docs/codecs.md, "External codecs").
#pragma once

#include "codecs/codec.h"

namespace tgvc {

class ExternalCodec : public Codec {
 public:
  std::string id() const override { return "external"; }
  std::string version() const override;
  // The adapter version, the first line of the `version` command's output and that output's
  // SHA-256 (run once per process for each command and environment).
  std::string version_for(const ParamSet& params) const override;
  // The programs of encode, decode and version as they resolve on PATH: the cache key holds
  // their SHA-256.
  std::vector<std::string> input_files(const ParamSet& params) const override;
  std::string description() const override;
  const std::vector<ParamSpec>& param_specs() const override;
  std::vector<std::string> placeholder_names() const override;

  Encoded encode(const Video& source, const ParamSet& params) const override;
  Video decode(const Encoded& encoded) const override;
};

}  // namespace tgvc
