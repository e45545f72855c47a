#include "codecs/learned/learned_codec.h"

#include <algorithm>

#include "codecs/learned/latent_trace.h"
#include "codecs/learned/learned_backend_loader.h"
#include "codecs/learned/learned_container.h"
#include "codecs/learned/learned_frames.h"
#include "codecs/learned/learned_image_coder.h"
#include "codecs/learned/learned_model_file.h"
#include "harness/core/error.h"
#include "harness/core/sha256.h"

namespace tgvc {
namespace {

using learned::LearnedNetwork;

constexpr const char* kModelOption = "model-file";
constexpr const char* kDeviceOption = "device";
constexpr const char* kDigestsOption = "reconstruction-digests";
constexpr const char* kTracesOption = "latent-digests";

std::shared_ptr<const LearnedNetwork> load_network(const std::string& path, const std::string& sha256,
                                                   const std::string& device) {
  return learned::require_learned_backend("the learned codec").load(path, sha256, device, "learned model");
}

// The first 16 hex digits of the SHA-256 of a frame's samples, one frame per entry.
std::string frame_digest(const Frame& frame) {
  std::string bytes;
  for (const Plane& plane : frame.planes) {
    bytes.append(reinterpret_cast<const char*>(plane.samples.data()),
                 plane.samples.size() * sizeof(uint16_t));
  }
  return sha256_hex(bytes).substr(0, 16);
}

std::string option(const Encoded& encoded, const char* key) {
  const auto it = encoded.decoder_options.find(key);
  if (it == encoded.decoder_options.end()) {
    throw InputError("learned decoder options", std::string("'") + key + "' (set by the encoder)", "none");
  }
  return it->second;
}

// The encoder's per-frame latent traces (none from an encoder that did not record them).
std::vector<learned::LatentTrace> traces_of(const Encoded& encoded, size_t frames) {
  const auto it = encoded.decoder_options.find(kTracesOption);
  std::vector<learned::LatentTrace> out;
  if (it == encoded.decoder_options.end()) return out;
  const std::string where = std::string("learned decoder options (") + kTracesOption + ")";
  size_t start = 0;
  while (start <= it->second.size()) {
    const size_t end = std::min(it->second.find(';', start), it->second.size());
    out.push_back(learned::parse_trace(it->second.substr(start, end - start), where));
    start = end + 1;
  }
  if (out.size() != frames) {
    throw InputError(where, "one trace per frame (" + std::to_string(frames) + ")",
                     std::to_string(out.size()));
  }
  return out;
}

}  // namespace

std::string LearnedCodec::description() const {
  return "learned image codec (CompressAI hyperprior family, MS-ILLM) through a TorchScript export, all "
         "intra";
}

const std::vector<ParamSpec>& LearnedCodec::param_specs() const {
  return learned_param_table().specs();
}

std::vector<std::string> LearnedCodec::input_files(const ParamSet& params) const {
  try {
    const std::string path = resolve_learned_model(learned_param_table().parse(params)).path;
    return {path, path + ".sha256"};
  } catch (const InputError&) {
    return {};  // nothing to fingerprint yet: encode() reports why
  }
}

Encoded LearnedCodec::encode(const Video& source, const ParamSet& params) const {
  const LearnedParams p = learned_param_table().parse(params);
  const LearnedModelFile file = resolve_learned_model(p);
  const std::string device = enum_name(learned_device_names(), p.device);
  const auto network = load_network(file.path, file.sha256, device);
  const learned::ExportInfo& info = network->info();
  if (p.quality && info.quality != *p.quality) {
    throw InputError("learned quality", "the export's quality " + std::to_string(info.quality),
                     std::to_string(*p.quality));
  }
  if (source.frame_count() == 0) throw InputError("learned codec", "at least one frame", "none");
  const learned::LearnedImageCoder coder(*network);

  learned::LearnedStream stream;
  stream.export_digest = learned::digest_prefix(info.sha256);
  stream.width = source.info.width;
  stream.height = source.info.height;
  std::string digests;
  std::string traces;
  for (const Frame& frame : source.frames) {
    const learned::Planes image =
        learned::frame_to_planes(frame, source.info.colour, info.padding, info.multiple);
    learned::EncodedImage coded = coder.encode(image);
    if (stream.frames.empty()) stream.shapes = coded.shapes;
    const Frame reconstructed = learned::planes_to_frame(coded.reconstruction, stream.width, stream.height,
                                                         info.padding, frame.format, source.info.colour);
    digests += (digests.empty() ? "" : ",") + frame_digest(reconstructed);
    traces += (traces.empty() ? "" : ";") + learned::trace_text(coded.trace);
    stream.frames.push_back(std::move(coded.strings));
  }
  Encoded out;
  out.codec_id = id();
  out.info = source.info;
  out.frame_count = source.frame_count();
  out.coded_width = learned::padded_size(source.info.width, info.multiple);
  out.coded_height = learned::padded_size(source.info.height, info.multiple);
  out.padding = info.padding == learned::Padding::kCentredZero ? "centred-zero" : "reflect-right-bottom";
  out.bitstream = learned::write_learned_stream(stream);
  const learned::ContainerSizes sizes = learned::container_sizes(stream);
  out.components = {{"header", sizes.header}, {"hyper_latent", sizes.hyper_latent}, {"latent", sizes.latent}};
  out.decoder_options[kModelOption] = file.path;
  out.decoder_options[kDeviceOption] = device;
  out.decoder_options[kDigestsOption] = digests;
  out.decoder_options[kTracesOption] = traces;
  return out;
}

Video LearnedCodec::decode(const Encoded& encoded) const {
  const std::string where = "learned bitstream";
  const learned::LearnedStream stream =
      learned::parse_learned_stream(encoded.bitstream.data(), encoded.bitstream.size(), where);
  const auto network = load_network(option(encoded, kModelOption), "", option(encoded, kDeviceOption));
  const learned::ExportInfo& info = network->info();
  if (stream.export_digest != learned::digest_prefix(info.sha256)) {
    throw InputError(where + " (export digest)", "a stream of the export " + info.path, "another export's");
  }
  if (stream.width != encoded.info.width || stream.height != encoded.info.height ||
      static_cast<int>(stream.frames.size()) != encoded.frame_count) {
    throw InputError(where, "the geometry and frame count the encoder recorded",
                     std::to_string(stream.width) + "x" + std::to_string(stream.height) + ", " +
                         std::to_string(stream.frames.size()) + " frames");
  }
  const auto digests = encoded.decoder_options.find(kDigestsOption);
  const std::vector<learned::LatentTrace> traces = traces_of(encoded, stream.frames.size());
  const learned::LearnedImageCoder coder(*network);
  Video video;
  video.info = encoded.info;
  for (size_t f = 0; f < stream.frames.size(); ++f) {
    const std::string frame_where = "frame " + std::to_string(f) + " of the " + where;
    const learned::Planes image =
        coder.decode(stream.frames[f], stream.shapes, frame_where, traces.empty() ? nullptr : &traces[f]);
    if (image.width != learned::padded_size(stream.width, info.multiple) ||
        image.height != learned::padded_size(stream.height, info.multiple)) {
      throw InputError(frame_where, "a synthesis output of the padded size", "another size");
    }
    Frame frame = learned::planes_to_frame(image, stream.width, stream.height, info.padding,
                                           encoded.info.format, encoded.info.colour);
    if (digests != encoded.decoder_options.end() &&
        digests->second.compare(f * 17, 16, frame_digest(frame)) != 0) {
      throw Error("decoder mismatch: frame " + std::to_string(f) +
                  " decodes differently from the encoder's reconstruction while " +
                  (traces.empty() ? "its latents were not checked" : "its latents equal the encoder's") +
                  ": the synthesis computes otherwise on this device or build (encode and decode on the same "
                  "device and build)");
    }
    video.frames.push_back(std::move(frame));
  }
  return video;
}

}  // namespace tgvc
