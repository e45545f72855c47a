#include "codecs/tgvc/tgvc_encoder.h"

#include <chrono>
#include <memory>

#include "codecs/tgvc/blend_interpolation.h"
#include "codecs/tgvc/generate/clip_background_choice.h"
#include "codecs/tgvc/generate/diffusion_generator.h"
#include "codecs/tgvc/generate/generators.h"
#include "codecs/tgvc/generate/warp_generator.h"
#include "codecs/tgvc/keyframe_coding.h"
#include "codecs/tgvc/keyframes/keyframe_selection.h"
#include "codecs/tgvc/keyframes/thumbnail_embedder.h"
#include "codecs/tgvc/keyframes/torchscript_embedder.h"
#include "codecs/tgvc/quality_search.h"
#include "codecs/tgvc/tracking/torchscript_tracker.h"
#include "harness/core/error.h"
#include "harness/tracking/flow_tracker.h"

namespace tgvc {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

Video pick_frames(const Video& source, const std::vector<int>& indices, int first, int last_inclusive) {
  Video out;
  out.info = source.info;
  if (!indices.empty()) {
    for (int i : indices) out.frames.push_back(source.frames[i]);
  } else {
    for (int i = first; i <= last_inclusive; ++i) out.frames.push_back(source.frames[i]);
  }
  return out;
}

// Everything but the keyframe payload, which target-bpp may recode.
struct MotionSide {
  std::vector<int> keyframes;
  std::vector<ClipTrajectories> clips;
};

// `embedder` and `tracker` name a built-in stage or a TorchScript file (checked here, at encode
// time: InputError naming the setting and the file).
std::unique_ptr<ImageEmbedder> make_embedder(const std::string& setting) {
  if (setting == "thumbnail") return std::make_unique<ThumbnailEmbedder>();
  return std::make_unique<TorchScriptEmbedder>(setting, "cpu", "tgvc embedder");
}

std::unique_ptr<Tracker> make_tracker(const std::string& setting) {
  if (setting == "flow") return std::make_unique<FlowTracker>();
  return std::make_unique<TorchScriptTracker>(setting, "cpu", "tgvc tracker");
}

MotionSide analyse(const Video& source, const TgvcParams& params, TgvcEncodeStats& stats) {
  const std::unique_ptr<ImageEmbedder> embedder_owner = make_embedder(params.embedder);
  const std::unique_ptr<Tracker> tracker_owner = make_tracker(params.tracker);
  const ImageEmbedder& embedder = *embedder_owner;
  const Tracker& tracker = *tracker_owner;
  auto t = Clock::now();
  std::vector<Embedding> embeddings;
  for (const Frame& f : source.frames) embeddings.push_back(embedder.embed(f, source.info.colour));
  stats.embedding_s += seconds_since(t);
  MotionSide side;
  side.keyframes = select_keyframes(embeddings, params.selection);
  for (size_t k = 0; k + 1 < side.keyframes.size(); ++k) {
    const Video clip = pick_frames(source, {}, side.keyframes[k], side.keyframes[k + 1]);
    side.clips.push_back(clip_trajectories(clip, tracker, embedder, params, &stats.motion));
  }
  return side;
}

// Per clip without tracks: which background the warp generator should show (blend, the
// camera-aware background with the straight-line camera or with a sent camera path;
// clip_background_choice.h), measured on the source against the keyframes the decoder will have.
void choose_backgrounds(const Video& source, const std::vector<int>& indices, const Video& keyframes,
                        const TgvcParams& params, std::vector<ClipTrajectories>* clips,
                        TgvcEncodeStats& stats) {
  const auto t = Clock::now();
  stats.clip_choices.clear();
  ClipBackgroundParams choice;
  choice.min_gain_db = params.camera_background_min_gain_db;
  choice.min_path_gain_db = params.camera_path_min_gain_db;
  choice.path_spacing = params.camera_path_spacing;
  choice.keyframe_motion = params.keyframe_motion;
  for (size_t c = 0; c < clips->size(); ++c) {
    ClipTrajectories& clip = (*clips)[c];
    clip.background = BackgroundMode::kBlend;
    clip.camera_path.clear();
    if (!clip.tracks.empty() || indices[c + 1] - indices[c] < 2) continue;
    // Every in-between frame: with 4 of them the gains of tree's still clips (0.13 dB, near the
    // threshold) came out on either side of it.
    const int last = indices[c + 1] - indices[c];
    std::vector<ClipFrame> frames;
    for (int j = 1; j < last; ++j) frames.push_back({j, &source.frames[indices[c] + j]});
    ClipBackground chosen =
        choose_clip_background(keyframes.frames[c], keyframes.frames[c + 1], last, frames, choice);
    clip.background = chosen.mode;
    clip.camera_path = chosen.camera_path;
    stats.clip_choices.push_back({indices[c], indices[c + 1], std::move(chosen)});
    stats.camera_background_clips += clip.background != BackgroundMode::kBlend ? 1 : 0;
    stats.camera_path_clips += clip.background == BackgroundMode::kCameraPath ? 1 : 0;
    stats.camera_motion_clips += clip.background == BackgroundMode::kCameraMotion ? 1 : 0;
  }
  stats.background_choice_s += seconds_since(t);
}

TgvcEncoded assemble(const Video& source, const TgvcParams& params, const MotionSide& side, int quality,
                     TgvcEncodeStats& stats) {
  auto t = Clock::now();
  KeyframeCodingParams coding = params.keyframes;
  coding.quality = quality;
  CodedKeyframes coded = code_keyframes(pick_frames(source, side.keyframes, 0, 0), coding);
  stats.keyframe_coding_s += seconds_since(t);
  stats.keyframe_width = coded.coded_width;
  stats.keyframe_height = coded.coded_height;

  t = Clock::now();
  TgvcStream stream;
  stream.info = source.info;
  stream.frame_count = source.frame_count();
  stream.quant_step = params.quant_step;
  stream.keyframes = side.keyframes;
  stream.keyframe_width = coded.coded_width;
  stream.keyframe_height = coded.coded_height;
  stream.keyframe_codec = coding.codec;
  stream.keyframe_codec_version = coded.codec_version;
  stream.keyframe_payloads = {std::move(coded.payload)};
  stream.clips = side.clips;
  stats.trajectory_coding_s += seconds_since(t);
  choose_backgrounds(source, side.keyframes, coded.reconstructed, params, &stream.clips, stats);
  t = Clock::now();
  TgvcEncoded out;
  out.bytes = write_tgvc(stream, &out.sizes);
  stats.trajectory_coding_s += seconds_since(t);
  out.keyframes_reconstructed = std::move(coded.reconstructed);
  out.keyframe_indices = side.keyframes;
  out.keyframe_decoder_options = std::move(coded.decoder_options);
  return out;
}

}  // namespace

TgvcEncoded tgvc_encode(const Video& source, const TgvcParams& params, TgvcEncodeStats* stats_out) {
  if (source.frame_count() == 0) throw InputError("tgvc source", "at least one frame", "an empty video");
  if (source.info.format.family != ColourFamily::kYuv) throw InputError("tgvc source", "YUV frames", "RGB");
  TgvcEncodeStats local;
  TgvcEncodeStats& stats = stats_out ? *stats_out : local;
  const MotionSide side = analyse(source, params, stats);
  stats.keyframes = static_cast<int>(side.keyframes.size());

  if (params.target_bpp <= 0) {
    stats.keyframe_quality = params.keyframes.quality;
    return assemble(source, params, side, params.keyframes.quality, stats);
  }
  // The finest quality whose whole stream meets the target (the lowest-rate one when none does);
  // trajectories do not depend on it, so only the keyframes are recoded. Every encode is kept,
  // so the chosen one is not encoded twice.
  const double pixels = static_cast<double>(source.info.width) * source.info.height * source.frame_count();
  std::map<int, TgvcEncoded> encoded;
  const QualityChoice choice =
      search_quality(keyframe_qualities_by_rate(params.keyframes), params.target_bpp, [&](int quality) {
        const TgvcEncoded& e = encoded[quality] = assemble(source, params, side, quality, stats);
        return e.bytes.size() * 8.0 / pixels;
      });
  stats.keyframe_quality = choice.quality;
  stats.target = choice;
  return std::move(encoded.at(choice.quality));
}

Video tgvc_decode(const std::vector<uint8_t>& bytes, const std::string& where, const std::string& generator,
                  const DiffusionOptions& diffusion,
                  const std::map<std::string, std::string>& keyframe_options) {
  check_generator(generator, where + " generator");
  const Generator kind = *parse_generator(generator);
  // Models are checked before the stream is decoded: a missing file costs nothing.
  const std::unique_ptr<DiffusionGenerator> diffuser =
      kind == Generator::kDiffusion ? std::make_unique<DiffusionGenerator>(diffusion) : nullptr;
  const TgvcStream stream = read_tgvc(bytes, where);
  const auto [coded_width, coded_height] = coded_keyframe_size(stream);
  const Video keyframes =
      decode_keyframes(stream.keyframe_payloads.at(0), stream.keyframe_codec, stream.info, coded_width,
                       coded_height, static_cast<int>(stream.keyframes.size()), keyframe_options);
  if (kind == Generator::kWarp)
    return warp_between_keyframes(keyframes, stream.keyframes, stream.clips, stream.frame_count);
  if (diffuser)
    return diffuser->between_keyframes(keyframes, stream.keyframes, stream.clips, stream.frame_count);
  return blend_between_keyframes(keyframes, stream.keyframes, stream.frame_count);
}

}  // namespace tgvc
