#include "codecs/tgvc/bitstream/trajectory_encoder.h"

#include <cassert>

#include "codecs/tgvc/bitstream/arithmetic_encoder.h"
#include "codecs/tgvc/bitstream/binarisation.h"
#include "codecs/tgvc/bitstream/trajectory_model.h"

namespace tgvc {
namespace {

void encode_track(ArithmeticEncoder& encoder, TrajectoryContexts& contexts, const CodedTrack& track,
                  int frames, int predictor, const QuantAxis* axes[2]) {
  AxisState state[2];
  int previous_visible = -1;  // -1: first frame of the track
  for (int f = 0; f < frames; ++f) {
    const int visible = track.visible[f] != 0 ? 1 : 0;
    encoder.encode(visible, contexts.visible[previous_visible + 1]);
    previous_visible = visible;
    if (!visible) continue;
    const int index[2] = {axes[0]->index(track.x[f]), axes[1]->index(track.y[f])};
    if (state[0].indices.empty()) {
      for (int a = 0; a < 2; ++a) encoder.encode_bits(index[a], axes[a]->index_bits());
    } else {
      int x_nonzero = 0;
      for (int a = 0; a < 2; ++a) {
        const Prediction p = predict(state[a], predictor, f, axes[a]->cells());
        const int residual = index[a] - p.index;
        encode_signed(encoder, residual, state[a].contexts(contexts.axis[a], p, a == 1 ? x_nonzero : 0));
        state[a].previous_nonzero = residual != 0;
        x_nonzero = residual != 0;
      }
    }
    for (int a = 0; a < 2; ++a) state[a].record(f, index[a]);
  }
}

std::vector<uint8_t> encode_with(const ClipTrajectories& clip, const QuantAxis* axes[2], int predictor) {
  ArithmeticEncoder encoder;
  TrajectoryContexts contexts;
  encode_exp_golomb(encoder, static_cast<uint32_t>(clip.tracks.size()), PrefixContexts{});
  if (!clip.tracks.empty()) encoder.encode_bits(predictor, kPredictorBits);
  for (const CodedTrack& track : clip.tracks) {
    assert(track.x.size() == static_cast<size_t>(clip.frames));
    encode_track(encoder, contexts, track, clip.frames, predictor, axes);
  }
  return encoder.finish();
}

}  // namespace

std::vector<uint8_t> encode_clip_trajectories(const ClipTrajectories& clip, const QuantAxis& axis_x,
                                              const QuantAxis& axis_y, int predictor) {
  const QuantAxis* axes[2] = {&axis_x, &axis_y};
  if (predictor != kBestPredictor) {
    assert(predictor >= 0 && predictor < kPredictorCount);
    return encode_with(clip, axes, predictor);
  }
  std::vector<uint8_t> best = encode_with(clip, axes, 0);
  for (int p = 1; p < kPredictorCount && !clip.tracks.empty(); ++p) {
    std::vector<uint8_t> bytes = encode_with(clip, axes, p);
    if (bytes.size() < best.size()) best = std::move(bytes);
  }
  return best;
}

}  // namespace tgvc
