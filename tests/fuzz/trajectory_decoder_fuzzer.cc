// Fuzz target for the trajectory decoder alone: the payload of one TRAJ chunk with a clip
// geometry the fuzzer chooses. Random bytes rarely make a .tgvc container parse up to its TRAJ
// chunks, so this target spends every execution in the range decoder, the binarisations and the
// motion predictors. Any input must decode or raise InputError; what decodes must be on the
// quantisation grid and survive an encode/decode round trip.
//
// Input: an 8-byte header of little-endian u16s, then the payload.
//   frames = 2 + h0 (a clip has at least 2 frames), width = 1 + h1 % 16384,
//   height = 1 + h2 % 16384, quant step = 1 + h3 % 1024 sixteenths of a pixel.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "codecs/tgvc/bitstream/quantisation.h"
#include "codecs/tgvc/bitstream/stream_limits.h"
#include "codecs/tgvc/bitstream/trajectory_decoder.h"
#include "codecs/tgvc/bitstream/trajectory_encoder.h"
#include "harness/core/error.h"

namespace {

constexpr size_t kHeaderBytes = 8;
// Clips with more track-frames than this skip the requantisation and re-encoding checks (five
// trial encodes and a second decode of up to 2^24 track-frames take over a minute under the
// sanitizers; T-GVC's clips hold about a thousand).
constexpr int64_t kMaxRoundTripTrackFrames = int64_t{1} << 20;

uint32_t header_u16(const uint8_t* data, int index) {
  return data[2 * index] | (uint32_t{data[2 * index + 1]} << 8);
}

// The decoder's promises about its output, beyond not crashing.
void check_decoded(const tgvc::ClipTrajectories& clip, int frames, const tgvc::QuantAxis& axis_x,
                   const tgvc::QuantAxis& axis_y, int step, int width, int height) {
  if (clip.frames != frames) __builtin_trap();
  const size_t n = static_cast<size_t>(frames);
  for (const tgvc::CodedTrack& track : clip.tracks) {
    if (track.x.size() != n || track.y.size() != n || track.visible.size() != n) __builtin_trap();
  }
  if (static_cast<int64_t>(clip.tracks.size()) * frames > kMaxRoundTripTrackFrames) return;
  // Decoded positions are cell centres: quantising them again changes nothing.
  if (tgvc::quantise(clip, step / 16.0, width, height) != clip) __builtin_trap();
  // Re-encoding (with whichever predictor is shortest) decodes to the same tracks.
  const std::vector<uint8_t> again = tgvc::encode_clip_trajectories(clip, axis_x, axis_y);
  const tgvc::ClipTrajectories redecoded = tgvc::decode_clip_trajectories(
      again.data(), again.size(), frames, axis_x, axis_y, tgvc::kTgvcMaxTrackFrames, "fuzz-reencoded TRAJ");
  if (redecoded != clip) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < kHeaderBytes) return 0;
  const int frames = 2 + static_cast<int>(header_u16(data, 0));
  const int width = 1 + static_cast<int>(header_u16(data, 1) % tgvc::kTgvcMaxDimension);
  const int height = 1 + static_cast<int>(header_u16(data, 2) % tgvc::kTgvcMaxDimension);
  const int step = 1 + static_cast<int>(header_u16(data, 3) % tgvc::kTgvcMaxQuantStepSixteenths);
  const tgvc::QuantAxis axis_x(step, width);
  const tgvc::QuantAxis axis_y(step, height);
  tgvc::ClipTrajectories clip;
  try {
    clip = tgvc::decode_clip_trajectories(data + kHeaderBytes, size - kHeaderBytes, frames, axis_x, axis_y,
                                          tgvc::kTgvcMaxTrackFrames, "fuzz TRAJ");
  } catch (const tgvc::InputError&) {
    return 0;
  }
  check_decoded(clip, frames, axis_x, axis_y, step, width, height);
  return 0;
}
