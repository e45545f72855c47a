#include "codecs/tgvc/tgvc_codec.h"

#include "codecs/tgvc/tgvc_encoder.h"
#include "codecs/tgvc/tgvc_params.h"

namespace tgvc {

// The adapter's version changes whenever a stage changes what is coded; cache keys include it.
std::string TgvcCodec::version() const { return "1 (embedder thumbnail 1, tracker flow 1)"; }

std::string TgvcCodec::description() const {
  return "T-GVC: keyframe stills + trajectories of important motion instances; blend decoder (no guidance)";
}

const std::vector<ParamSpec>& TgvcCodec::param_specs() const { return tgvc_param_specs(); }

Encoded TgvcCodec::encode(const Video& source, const ParamSet& params) const {
  const TgvcEncoded coded = tgvc_encode(source, tgvc_params_from(params));
  Encoded out;
  out.codec_id = id();
  out.info = source.info;
  out.frame_count = source.frame_count();
  out.bitstream = coded.bytes;
  out.components = {{"header", coded.sizes.header_bytes},
                    {"keyframes", coded.sizes.keyframe_bytes},
                    {"trajectories", coded.sizes.trajectory_bytes}};
  return out;
}

Video TgvcCodec::decode(const Encoded& encoded) const { return tgvc_decode(encoded.bitstream, "tgvc bitstream"); }

}  // namespace tgvc
