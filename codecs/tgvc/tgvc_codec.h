// T-GVC as a codec (DESIGN 4): keyframes coded as stills plus sparse, semantically sampled motion
// trajectories in a .tgvc container (docs/bitstream.md). The decoder here fills the frames
// between keyframes with a temporal blend: the no-guidance reference.
#pragma once

#include "codecs/codec.h"

namespace tgvc {

class TgvcCodec final : public Codec {
 public:
  std::string id() const override { return "tgvc"; }
  std::string version() const override;
  // Names the embedder, tracker, keyframe codec (with its library) and generator a cell uses.
  std::string version_for(const ParamSet& params) const override;
  // The TorchScript embedder and tracker files (and the .sha256 beside each) when chosen, the
  // diffusion model directory when the diffusion generator is.
  std::vector<std::string> input_files(const ParamSet& params) const override;
  // The generator and, for diffusion, its settings: the bitstream carries neither.
  std::map<std::string, std::string> decoder_options(const ParamSet& params) const override;
  std::string description() const override;
  const std::vector<ParamSpec>& param_specs() const override;
  Encoded encode(const Video& source, const ParamSet& params) const override;
  Video decode(const Encoded& encoded) const override;
};

}  // namespace tgvc
