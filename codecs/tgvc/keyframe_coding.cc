#include "codecs/tgvc/keyframe_coding.h"

#include <map>

#include "codecs/codec.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

const Codec& keyframe_codec(const std::string& id) {
  const Codec* codec = id == "x265" || id == "aom" || id == "learned" ? find_codec(id) : nullptr;
  if (!codec) {
    throw InputError("tgvc keyframe-codec", "x265, aom or learned (built into this binary)", "'" + id + "'");
  }
  return *codec;
}

// Intra-only settings of each keyframe codec at one quality.
std::map<std::string, std::string> intra_params(const KeyframeCodingParams& params, int quality) {
  const std::string& codec = params.codec;
  if (codec == "learned") {
    if (params.model.empty()) {
      throw InputError("tgvc keyframe-model", "the learned keyframe codec's model (e.g. msillm)", "nothing");
    }
    return {{"model", params.model}, {"quality", std::to_string(quality)}};
  }
  if (codec == "x265") return {{"qp", std::to_string(quality)}, {"keyint", "1"}, {"preset", "medium"}};
  return {{"cq-level", std::to_string(quality)}, {"keyint", "0"}, {"cpu-used", "6"}};
}

}  // namespace

std::pair<int, int> keyframe_quality_range(const std::string& codec) {
  if (codec == "learned") return {1, 8};
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
  const ParamSet set = ParamSet::resolve(codec.param_specs(), intra_params(params, params.quality), "tgvc");
  Encoded encoded = codec.encode(keyframes, set);
  CodedKeyframes out;
  out.codec_version = codec.version();
  out.reconstructed = codec.decode(encoded);
  out.payload = std::move(encoded.bitstream);
  out.decoder_options = std::move(encoded.decoder_options);
  return out;
}

Video decode_keyframes(const std::vector<uint8_t>& payload, const std::string& codec, const VideoInfo& info,
                       int count, const std::map<std::string, std::string>& decoder_options) {
  Encoded encoded;
  encoded.codec_id = codec;
  encoded.info = info;
  encoded.frame_count = count;
  encoded.bitstream = payload;
  encoded.decoder_options = decoder_options;
  try {
    return keyframe_codec(codec).decode(encoded);
  } catch (const InputError&) {
    throw;
  } catch (const Error& e) {
    throw InputError("tgvc keyframe payload", std::to_string(count) + " " + codec + " keyframes", e.what());
  }
}

}  // namespace tgvc
