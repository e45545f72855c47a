#include "codecs/tgvc/bitstream/trajectory_decoder.h"

#include <optional>

#include "codecs/tgvc/bitstream/arithmetic_decoder.h"
#include "codecs/tgvc/bitstream/binarisation.h"
#include "codecs/tgvc/bitstream/stream_limits.h"
#include "codecs/tgvc/bitstream/trajectory_model.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

// A track count has at most 20 prefix ones (values below 2^21 - 1, above the 1e6 limit).
constexpr int kTrackCountMaxPrefix = 20;
// Every track-frame costs at least one context-coded decision, and a decision costs at least
// log2(65536 / 65409) > 1/512 bit (p0 never leaves [127, 65409]), while a payload of B bytes
// carries at most 8 * (B + 1) bits: a valid payload holds at most 4096 * (B + 1) track-frames.
constexpr int64_t kTrackFramesPerPayloadByte = 4096;

CodedTrack decode_track(ArithmeticDecoder& decoder, TrajectoryContexts& contexts, int frames, int predictor,
                        const QuantAxis* axes[2], const std::string& where) {
  CodedTrack track;
  track.x.assign(frames, 0.0f);
  track.y.assign(frames, 0.0f);
  track.visible.assign(frames, 0);
  float* position[2] = {track.x.data(), track.y.data()};
  AxisState state[2];
  int previous_visible = -1;
  for (int f = 0; f < frames; ++f) {
    if (decoder.overran()) throw InputError(where, "a payload long enough for its tracks", "it ends early");
    const int visible = decoder.decode(contexts.visible[previous_visible + 1]);
    previous_visible = visible;
    if (!visible) continue;
    track.visible[f] = 1;
    int index[2];
    if (state[0].indices.empty()) {
      for (int a = 0; a < 2; ++a) index[a] = static_cast<int>(decoder.decode_bits(axes[a]->index_bits()));
    } else {
      int x_nonzero = 0;
      for (int a = 0; a < 2; ++a) {
        const Prediction p = predict(state[a], predictor, f, axes[a]->cells());
        const std::optional<int32_t> residual = decode_signed(
            decoder, state[a].contexts(contexts.axis[a], p, a == 1 ? x_nonzero : 0), axes[a]->index_bits());
        if (!residual) throw InputError(where, "a position residual within the grid", "a longer code");
        index[a] = p.index + *residual;
        state[a].previous_nonzero = *residual != 0;
        x_nonzero = *residual != 0;
      }
    }
    for (int a = 0; a < 2; ++a) {
      if (index[a] < 0 || index[a] >= axes[a]->cells()) {
        throw InputError(where,
                         std::string("a ") + (a == 0 ? "column" : "row") + " index in [0, " +
                             std::to_string(axes[a]->cells() - 1) + "]",
                         std::to_string(index[a]) + " at frame " + std::to_string(f));
      }
      state[a].record(f, index[a]);
      position[a][f] = axes[a]->centre(index[a]);
    }
  }
  return track;
}

}  // namespace

ClipTrajectories decode_clip_trajectories(const uint8_t* data, size_t size, int frames,
                                          const QuantAxis& axis_x, const QuantAxis& axis_y,
                                          int64_t max_track_frames, const std::string& where,
                                          int64_t max_tracks) {
  ArithmeticDecoder decoder(data, size);
  TrajectoryContexts contexts;
  const QuantAxis* axes[2] = {&axis_x, &axis_y};
  const std::optional<uint32_t> count = decode_exp_golomb(decoder, PrefixContexts{}, kTrackCountMaxPrefix);
  if (!count || *count > static_cast<uint32_t>(kTgvcMaxTracksPerClip)) {
    throw InputError(where + ".track_count", "at most " + std::to_string(kTgvcMaxTracksPerClip) + " tracks",
                     count ? std::to_string(*count) : "a longer code");
  }
  if (*count > max_tracks) {
    throw InputError(where + ".track_count", "at most " + std::to_string(max_tracks) + " tracks in the file",
                     std::to_string(*count) + " tracks");
  }
  const int64_t track_frames = int64_t{*count} * frames;
  if (track_frames > max_track_frames) {
    throw InputError(where + ".track_count",
                     "at most " + std::to_string(max_track_frames) + " track-frames in the file",
                     std::to_string(*count) + " tracks of " + std::to_string(frames) + " frames");
  }
  if (track_frames > kTrackFramesPerPayloadByte * (static_cast<int64_t>(size) + 1)) {
    throw InputError(where + ".track_count",
                     "a track count a " + std::to_string(size) + "-byte payload can hold",
                     std::to_string(*count) + " tracks of " + std::to_string(frames) + " frames");
  }
  ClipTrajectories clip;
  clip.frames = frames;
  const uint32_t predictor = *count > 0 ? decoder.decode_bits(kPredictorBits) : 0;
  if (predictor >= static_cast<uint32_t>(kPredictorCount)) {
    throw InputError(where + ".predictor", "a predictor in [0, " + std::to_string(kPredictorCount - 1) + "]",
                     std::to_string(predictor));
  }
  clip.tracks.reserve(*count);
  for (uint32_t t = 0; t < *count; ++t) {
    clip.tracks.push_back(decode_track(decoder, contexts, frames, static_cast<int>(predictor), axes,
                                       where + ".tracks[" + std::to_string(t) + "]"));
  }
  if (!decoder.finished_cleanly()) {
    throw InputError(
        where, "a payload that ends where its last track does",
        std::to_string(decoder.bytes_consumed()) + " of " + std::to_string(size) + " bytes used");
  }
  return clip;
}

}  // namespace tgvc
