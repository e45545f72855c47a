// Hand-crafted .tgvc files that stress the reader's resource limits, built from the syntax
// directly (no TgvcStream holds their tracks). The fuzzers' regression input
// tests/fuzz/regressions/tgvc/many_short_tracks.tgvc is many_short_tracks_file().
#pragma once

#include <cstdint>
#include <vector>

#include "codecs/tgvc/bitstream/arithmetic_encoder.h"
#include "codecs/tgvc/bitstream/binarisation.h"
#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "codecs/tgvc/bitstream/trajectory_model.h"
#include "tests/unit/bitstream/sample_stream.h"

namespace tgvc {
namespace testing_tracks {

// The TRAJ payload of `tracks` tracks that are invisible in all `frames` frames, coded as the
// reference encoder codes them with predictor 0: a few hundred bytes per million track-frames.
inline std::vector<uint8_t> invisible_tracks_payload(uint32_t tracks, int frames) {
  ArithmeticEncoder encoder;
  TrajectoryContexts contexts;
  encode_exp_golomb(encoder, tracks, PrefixContexts{});
  if (tracks > 0) encoder.encode_bits(0, kPredictorBits);
  for (uint32_t t = 0; t < tracks; ++t) {
    int previous_visible = -1;
    for (int f = 0; f < frames; ++f) {
      encoder.encode(0, contexts.visible[previous_visible + 1]);
      previous_visible = 0;
    }
  }
  return encoder.finish();
}

// Clip 0 holds 48577 two-frame tracks and clips 1..7 a million each: 7048577 tracks and
// 14.1 million track-frames, within the per-clip and track-frame limits (valid CRCs, a 6 kB
// file), but 2^20 + 1 tracks are reached in clip 1. A reader without the per-file track limit
// allocated about 1.2 GB for it.
inline constexpr int kManyShortTracksClips = 8;
inline constexpr uint32_t kManyShortTracksFirstClip = 48577;
inline constexpr uint32_t kManyShortTracksPerClip = 1000000;

inline std::vector<uint8_t> many_short_tracks_file() {
  TgvcStream stream = sample_stream();
  stream.frame_count = kManyShortTracksClips + 1;
  stream.keyframes.clear();
  for (int k = 0; k <= kManyShortTracksClips; ++k) stream.keyframes.push_back(k);
  stream.keyframe_payloads = {{1, 2, 3}};
  stream.clips.assign(kManyShortTracksClips, ClipTrajectories{2, {}});
  std::vector<ParsedChunk> chunks = split_chunks(write_tgvc(stream));
  // HEAD, CLIP, KEYF, BGND, then one TRAJ per clip, then END. Written as format version 1 (a 23-byte
  // HEAD, no BGND), as the file was made before version 2.
  chunks[0].payload.resize(23);
  chunks.erase(chunks.begin() + 3);
  for (int c = 0; c < kManyShortTracksClips; ++c) {
    chunks[3 + c].payload =
        invisible_tracks_payload(c == 0 ? kManyShortTracksFirstClip : kManyShortTracksPerClip, 2);
  }
  return join_chunks(chunks, 1);
}

}  // namespace testing_tracks
}  // namespace tgvc
