#include "codecs/tgvc/keyframe_coding.h"

#include <map>

#include "codecs/codec.h"
#include "codecs/tgvc/keyframe_scaling.h"
#include "harness/core/error.h"
#include "harness/models/model_manifest.h"

namespace tgvc {
namespace {

const Codec& keyframe_codec(const std::string& id) {
  const Codec* codec = id == "x265" || id == "aom" || id == "learned" ? find_codec(id) : nullptr;
  if (!codec) {
    throw InputError("tgvc keyframe-codec", "x265, aom or learned (built into this binary)", "'" + id + "'");
  }
  return *codec;
}

// Settings of each keyframe codec at one quality: all intra, or one long GOP (x265: only the
// first frame intra, scene cuts aside; aom: its default single keyframe). The learned codec codes
// every keyframe as an image: intra only.
std::map<std::string, std::string> coding_params(const KeyframeCodingParams& params, int quality) {
  const std::string& codec = params.codec;
  const bool intra = params.prediction == KeyframePrediction::kIntra;
  if (codec == "learned") {
    if (params.model.empty()) {
      throw InputError("tgvc keyframe-model", "the learned keyframe codec's model (e.g. msillm)", "nothing");
    }
    if (!intra) throw InputError("tgvc keyframe-prediction", "intra with learned keyframes", "inter");
    return {{"model", params.model}, {"quality", std::to_string(quality)}};
  }
  if (codec == "x265")
    return {{"qp", std::to_string(quality)}, {"keyint", intra ? "1" : "-1"}, {"preset", "medium"}};
  std::map<std::string, std::string> aom = {{"cq-level", std::to_string(quality)}, {"cpu-used", "6"}};
  if (intra) aom["keyint"] = "0";
  return aom;
}

}  // namespace

std::pair<int, int> keyframe_quality_range(const std::string& codec) {
  if (codec == "learned") return {1, 8};
  return codec == "aom" ? std::pair<int, int>{0, 63} : std::pair<int, int>{0, 51};
}

std::vector<int> keyframe_qualities_by_rate(const KeyframeCodingParams& params) {
  std::vector<int> qualities;
  if (params.codec != "learned") {
    const auto [low, high] = keyframe_quality_range(params.codec);
    for (int q = high; q >= low; --q) qualities.push_back(q);  // a higher QP or cq-level: fewer bits
    return qualities;
  }
  // A family's models are "<family>-q<N>" in the manifest (codecs/learned/learned_model_file.h).
  const ModelManifest& manifest = builtin_model_manifest();
  const auto [low, high] = keyframe_quality_range(params.codec);
  for (int q = low; q <= high; ++q) {
    if (!params.model.empty() && manifest.find(params.model + "-q" + std::to_string(q)) != nullptr)
      qualities.push_back(q);
  }
  if (qualities.empty()) {
    throw InputError("tgvc target-bpp",
                     "a learned keyframe-model that is a family with qualities (msillm, "
                     "bmshj2018-hyperprior-mse, ...) to search, or target-bpp 0",
                     "keyframe-model '" + params.model + "' (one model)");
  }
  return qualities;
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
  if (!(params.scale > 0 && params.scale <= 1)) {
    throw InputError("tgvc keyframe-scale", "a fraction in (0, 1]", std::to_string(params.scale));
  }
  const ParamSet set = ParamSet::resolve(codec.param_specs(), coding_params(params, params.quality), "tgvc");
  const VideoInfo& info = keyframes.info;
  const auto [width, height] = scaled_keyframe_size(info.width, info.height, params.scale);
  const bool reduced = width != info.width || height != info.height;
  Encoded encoded = codec.encode(reduced ? resize_keyframes(keyframes, width, height) : keyframes, set);
  CodedKeyframes out;
  out.codec_version = codec.version();
  out.coded_width = width;
  out.coded_height = height;
  out.reconstructed = codec.decode(encoded);
  if (reduced) out.reconstructed = resize_keyframes(out.reconstructed, info.width, info.height);
  out.payload = std::move(encoded.bitstream);
  out.decoder_options = std::move(encoded.decoder_options);
  return out;
}

Video decode_keyframes(const std::vector<uint8_t>& payload, const std::string& codec, const VideoInfo& info,
                       int coded_width, int coded_height, int count,
                       const std::map<std::string, std::string>& decoder_options) {
  Encoded encoded;
  encoded.codec_id = codec;
  encoded.info = info;
  encoded.info.width = coded_width;
  encoded.info.height = coded_height;
  encoded.frame_count = count;
  encoded.bitstream = payload;
  encoded.decoder_options = decoder_options;
  const bool reduced = coded_width != info.width || coded_height != info.height;
  try {
    Video decoded = keyframe_codec(codec).decode(encoded);
    return reduced ? resize_keyframes(decoded, info.width, info.height) : decoded;
  } catch (const InputError&) {
    throw;
  } catch (const Error& e) {
    throw InputError("tgvc keyframe payload", std::to_string(count) + " " + codec + " keyframes", e.what());
  }
}

}  // namespace tgvc
