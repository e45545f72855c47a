// The learned codec: every frame an image coded by a model export (CompressAI's hyperprior family,
// MS-ILLM) with CompressAI's entropy coding, in one container (docs/learned-codecs.md).
#pragma once

#include "codecs/codec.h"
#include "codecs/learned/learned_params.h"

namespace tgvc {

class LearnedCodec final : public Codec {
 public:
  std::string id() const override { return "learned"; }
  std::string version() const override { return "1 (CompressAI-compatible rANS, container 1)"; }
  std::string description() const override;
  std::vector<std::string> input_files(const ParamSet& params) const override;
  const std::vector<ParamSpec>& param_specs() const override;
  std::vector<int> yuv_bit_depths() const override { return {8, 10}; }
  // InputError for a model that cannot be resolved or loaded; decoder_options carry the export's
  // path and device, the digests of the encoder's reconstructed frames and its per-frame latent
  // traces (codecs/learned/latent_trace.h).
  Encoded encode(const Video& source, const ParamSet& params) const override;
  // Error "decoder mismatch" naming the frame, the latent and its first differing channel when a
  // decoded latent differs from the encoder's, or the frame when only the picture does.
  Video decode(const Encoded& encoded) const override;
};

}  // namespace tgvc
