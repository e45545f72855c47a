// The raw codec, the registry's null member: stores samples uncompressed (exact reconstruction).
// Drives the runner and resume tests and measures the harness's own overhead.
#pragma once

#include "codecs/codec.h"
#include "harness/core/param_table.h"

namespace tgvc {

struct RawParams {
  bool fail = false;  // raise an error in encode (tests failure rows)
  int level = 0;      // a sweepable no-op
};

const ParamTable<RawParams>& raw_param_table();

class RawCodec final : public Codec {
 public:
  std::string id() const override { return "raw"; }
  std::string version() const override { return "1"; }
  std::string description() const override;
  const std::vector<ParamSpec>& param_specs() const override;
  // Any depth is stored verbatim: a 16-bit RGB source is converted to 16-bit YUV.
  std::vector<int> yuv_bit_depths() const override { return {8, 9, 10, 11, 12, 13, 14, 15, 16}; }
  Encoded encode(const Video& source, const ParamSet& params) const override;
  Video decode(const Encoded& encoded) const override;
};

}  // namespace tgvc
