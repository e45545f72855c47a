// AV1 through the libaom encoder API; decoded by dav1d, an independent AV1 decoder.
#pragma once

#include "codecs/codec.h"

namespace tgvc {

class AomCodec final : public Codec {
 public:
  std::string id() const override { return "aom"; }
  std::string version() const override;
  std::string description() const override;
  const std::vector<ParamSpec>& param_specs() const override;
  Encoded encode(const Video& source, const ParamSet& params) const override;
  Video decode(const Encoded& encoded) const override;
};

}  // namespace tgvc
