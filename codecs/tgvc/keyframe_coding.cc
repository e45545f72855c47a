#include "codecs/tgvc/keyframe_coding.h"

#include <map>

#include "codecs/codec.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

const Codec& keyframe_codec(const std::string& id) {
  const Codec* codec = id == "x265" || id == "aom" ? find_codec(id) : nullptr;
  if (!codec) throw InputError("tgvc keyframe-codec", "x265 or aom (built into this binary)", "'" + id + "'");
  return *codec;
}

// Settings of each keyframe codec at one quality: all intra, or one long GOP (x265: only the
// first frame intra, scene cuts aside; aom: its default single keyframe).
std::map<std::string, std::string> coding_params(const std::string& codec, int quality,
                                                 KeyframePrediction prediction) {
  const bool intra = prediction == KeyframePrediction::kIntra;
  if (codec == "x265")
    return {{"qp", std::to_string(quality)}, {"keyint", intra ? "1" : "-1"}, {"preset", "medium"}};
  std::map<std::string, std::string> aom = {{"cq-level", std::to_string(quality)}, {"cpu-used", "6"}};
  if (intra) aom["keyint"] = "0";
  return aom;
}

}  // namespace

std::pair<int, int> keyframe_quality_range(const std::string& codec) {
  return codec == "aom" ? std::pair<int, int>{0, 63} : std::pair<int, int>{0, 51};
}

CodedKeyframes code_keyframes(const Video& keyframes, const KeyframeCodingParams& params) {
  const Codec& codec = keyframe_codec(params.codec);
  const auto [low, high] = keyframe_quality_range(params.codec);
  if (params.quality < low || params.quality > high) {
    throw InputError(
        "tgvc keyframe-quality",
        "an integer in [" + std::to_string(low) + ", " + std::to_string(high) + "] for " + params.codec,
        std::to_string(params.quality));
  }
  const ParamSet set = ParamSet::resolve(
      codec.param_specs(), coding_params(params.codec, params.quality, params.prediction), "tgvc");
  Encoded encoded = codec.encode(keyframes, set);
  CodedKeyframes out;
  out.codec_version = codec.version();
  out.reconstructed = codec.decode(encoded);
  out.payload = std::move(encoded.bitstream);
  return out;
}

Video decode_keyframes(const std::vector<uint8_t>& payload, const std::string& codec, const VideoInfo& info,
                       int count) {
  Encoded encoded;
  encoded.codec_id = codec;
  encoded.info = info;
  encoded.frame_count = count;
  encoded.bitstream = payload;
  try {
    return keyframe_codec(codec).decode(encoded);
  } catch (const InputError&) {
    throw;
  } catch (const Error& e) {
    throw InputError("tgvc keyframe payload", std::to_string(count) + " " + codec + " keyframes", e.what());
  }
}

}  // namespace tgvc
