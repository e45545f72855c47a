// HEVC through the libx265 API; decoded by libavcodec's independent HEVC decoder.
#pragma once

#include "codecs/codec.h"

namespace tgvc {

class X265Codec final : public Codec {
 public:
  std::string id() const override { return "x265"; }
  std::string version() const override;
  std::string description() const override;
  const std::vector<ParamSpec>& param_specs() const override;
  Encoded encode(const Video& source, const ParamSet& params) const override;
  Video decode(const Encoded& encoded) const override;
};

}  // namespace tgvc
