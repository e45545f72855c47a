#include "codecs/tgvc/tgvc_codec.h"

#include <fmt/format.h>

#include "codecs/tgvc/generate/diffusion_options.h"
#include "codecs/tgvc/generate/generators.h"
#include "codecs/tgvc/keyframe_coding.h"
#include "codecs/tgvc/keyframes/thumbnail_embedder.h"
#include "codecs/tgvc/tgvc_encoder.h"
#include "codecs/tgvc/tgvc_params.h"
#include "harness/tracking/flow_tracker.h"

namespace tgvc {
namespace {

// The keyframe codec's decoder options travel in the tgvc codec's under this prefix.
constexpr const char* kKeyframePrefix = "keyframe-";

}  // namespace

// The adapter's version changes whenever a stage changes what is coded; cache keys include it
// (through version_for, which adds the parts a cell chose).
std::string TgvcCodec::version() const {
  return "2";
}

std::string TgvcCodec::version_for(const ParamSet& params) const {
  const TgvcParams p = tgvc_params_from(params);
  // A TorchScript model has no version of its own: the cache key hashes its file.
  const std::string embedder =
      p.embedder == "thumbnail" ? "thumbnail " + ThumbnailEmbedder().version() : "TorchScript file";
  const std::string tracker = p.tracker == "flow" ? "flow " + FlowTracker().version() : "TorchScript file";
  const Codec* keyframe_codec = find_codec(p.keyframes.codec);
  const std::string keyframes = keyframe_codec ? keyframe_codec->version() : "not built in";
  return fmt::format("{} (embedder {}, tracker {}, keyframes {} {}, generator {})", version(), embedder,
                     tracker, p.keyframes.codec, keyframes, enum_name(generator_name_table(), p.generator));
}

std::vector<std::string> TgvcCodec::input_files(const ParamSet& params) const {
  const TgvcParams p = tgvc_params_from(params);
  std::vector<std::string> files;
  // A TorchScript file must match the FILE.sha256 beside it when there is one: that decides too.
  const auto add_model = [&files](const std::string& model) {
    files.push_back(model);
    files.push_back(model + ".sha256");
  };
  if (p.embedder != "thumbnail") add_model(p.embedder);
  if (p.tracker != "flow") add_model(p.tracker);
  if (p.generator == Generator::kDiffusion) files.push_back(params.get_string("diffusion-model"));
  if (p.keyframes.codec == "learned") {  // the exports the keyframes may be coded with
    const Codec& learned = *find_codec("learned");
    std::vector<int> qualities = {p.keyframes.quality};
    try {
      if (p.target_bpp > 0) qualities = keyframe_qualities_by_rate(p.keyframes);  // the search's
      for (int quality : qualities) {
        const std::map<std::string, std::string> given = {{"model", p.keyframes.model},
                                                          {"quality", std::to_string(quality)}};
        for (const std::string& f :
             learned.input_files(ParamSet::resolve(learned.param_specs(), given, "tgvc"))) {
          files.push_back(f);
        }
      }
    } catch (const InputError&) {
      // a quality or model the learned codec refuses: encode() reports it
    }
  }
  return files;
}

std::string TgvcCodec::description() const {
  return "T-GVC: keyframe stills + trajectories of important motion instances; trajectory-guided warp or "
         "blend decoder";
}

const std::vector<ParamSpec>& TgvcCodec::param_specs() const {
  return tgvc_param_specs();
}

Encoded TgvcCodec::encode(const Video& source, const ParamSet& params) const {
  const TgvcParams typed = tgvc_params_from(params);
  TgvcEncodeStats stats;
  const TgvcEncoded coded = tgvc_encode(source, typed, &stats);
  Encoded out;
  out.codec_id = id();
  out.info = source.info;
  out.frame_count = source.frame_count();
  // The keyframe codec pads what it needs itself (x265: odd 4:2:0 sizes); the clips are generated
  // at the source size.
  out.coded_width = source.info.width;
  out.coded_height = source.info.height;
  out.bitstream = coded.bytes;
  out.components = {{"header", coded.sizes.header_bytes},
                    {"keyframes", coded.sizes.keyframe_bytes},
                    {"trajectories", coded.sizes.trajectory_bytes},
                    {"camera_path", coded.sizes.camera_path_bytes}};
  if (typed.target_bpp > 0) {
    out.encoder_notes["keyframe-quality"] = std::to_string(stats.target.quality);
    out.encoder_notes["target-bpp"] =
        stats.target.met
            ? "met"
            : fmt::format("not reachable: {:.6g} bpp at the lowest-rate quality", stats.target.bpp);
  }
  if (stats.keyframe_width != source.info.width || stats.keyframe_height != source.info.height)
    out.encoder_notes["keyframe-size"] = fmt::format("{}x{}", stats.keyframe_width, stats.keyframe_height);
  out.decoder_options = decoder_options(params);
  for (const auto& [key, value] : coded.keyframe_decoder_options)
    out.decoder_options[kKeyframePrefix + key] = value;
  return out;
}

std::map<std::string, std::string> TgvcCodec::decoder_options(const ParamSet& params) const {
  const TgvcParams typed = tgvc_params_from(params);
  std::map<std::string, std::string> options;
  options["generator"] = enum_name(generator_name_table(), typed.generator);
  if (typed.generator == Generator::kDiffusion) {
    for (const std::string& key : diffusion_option_keys()) {
      if (params.has(key)) options[key] = params.get_string(key);
    }
  }
  return options;
}

Video TgvcCodec::decode(const Encoded& encoded) const {
  const auto generator = encoded.decoder_options.find("generator");
  const std::string name =
      generator == encoded.decoder_options.end() ? default_generator() : generator->second;
  const DiffusionOptions diffusion = parse_generator(name) == Generator::kDiffusion
                                         ? diffusion_options_from(encoded.decoder_options, "tgvc")
                                         : DiffusionOptions{};
  std::map<std::string, std::string> keyframe_options;
  for (const auto& [key, value] : encoded.decoder_options) {
    if (key.rfind(kKeyframePrefix, 0) == 0)
      keyframe_options[key.substr(std::string(kKeyframePrefix).size())] = value;
  }
  return tgvc_decode(encoded.bitstream, "tgvc bitstream", name, diffusion, keyframe_options);
}

}  // namespace tgvc
