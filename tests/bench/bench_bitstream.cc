// Cost of the T-GVC trajectory coding and the .tgvc container: encoding tries every predictor,
// so it is about five times the decoding. Sizes: the paper's scale (about 8 to 64 tracks of 30
// frames per clip) and dense coding (1024 tracks).
#include <benchmark/benchmark.h>

#include <cmath>

#include "codecs/tgvc/bitstream/arithmetic_decoder.h"
#include "codecs/tgvc/bitstream/arithmetic_encoder.h"
#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "codecs/tgvc/bitstream/trajectory_decoder.h"
#include "codecs/tgvc/bitstream/trajectory_encoder.h"
#include "harness/core/lcg.h"

namespace tgvc {
namespace {

constexpr int kWidth = 512;
constexpr int kHeight = 320;
constexpr int kFrames = 30;

ClipTrajectories smooth_clip(int tracks) {
  Lcg lcg(17);
  ClipTrajectories clip;
  clip.frames = kFrames;
  for (int t = 0; t < tracks; ++t) {
    CodedTrack track;
    double x = lcg.uniform() * kWidth, y = lcg.uniform() * kHeight;
    const double vx = 6 * lcg.uniform() - 3, vy = 6 * lcg.uniform() - 3;
    for (int f = 0; f < kFrames; ++f) {
      x += vx + std::cos(0.3 * f);
      y += vy + std::sin(0.2 * f);
      track.x.push_back(static_cast<float>(x));
      track.y.push_back(static_cast<float>(y));
      track.visible.push_back(x >= 0 && x < kWidth && y >= 0 && y < kHeight);
    }
    clip.tracks.push_back(track);
  }
  return clip;
}

void BM_EncodeClip(benchmark::State& state) {
  const ClipTrajectories clip = smooth_clip(static_cast<int>(state.range(0)));
  const QuantAxis ax(128, kWidth), ay(128, kHeight);
  size_t bytes = 0;
  for (auto _ : state) {
    const std::vector<uint8_t> coded = encode_clip_trajectories(clip, ax, ay);
    bytes = coded.size();
    benchmark::DoNotOptimize(coded.data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
  state.counters["track_frames/s"] = benchmark::Counter(static_cast<double>(state.range(0)) * kFrames,
                                                        benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_EncodeClip)->Arg(8)->Arg(64)->Arg(1024);

void BM_DecodeClip(benchmark::State& state) {
  const ClipTrajectories clip = smooth_clip(static_cast<int>(state.range(0)));
  const QuantAxis ax(128, kWidth), ay(128, kHeight);
  const std::vector<uint8_t> coded = encode_clip_trajectories(clip, ax, ay);
  for (auto _ : state) {
    const ClipTrajectories decoded =
        decode_clip_trajectories(coded.data(), coded.size(), kFrames, ax, ay, kTgvcMaxTrackFrames, "bench");
    benchmark::DoNotOptimize(decoded.tracks.data());
  }
  state.counters["track_frames/s"] = benchmark::Counter(static_cast<double>(state.range(0)) * kFrames,
                                                        benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_DecodeClip)->Arg(8)->Arg(64)->Arg(1024);

// Raw coder speed: one million context-coded decisions with p1 = 0.1.
void BM_ArithmeticRoundTrip(benchmark::State& state) {
  std::vector<uint8_t> bits(1 << 20);
  Lcg lcg(1);
  for (uint8_t& b : bits) b = lcg.uniform() < 0.1;
  for (auto _ : state) {
    ArithmeticEncoder encoder;
    AdaptiveBit model;
    for (uint8_t b : bits) encoder.encode(b, model);
    const std::vector<uint8_t> bytes = encoder.finish();
    ArithmeticDecoder decoder(bytes.data(), bytes.size());
    AdaptiveBit decoded;
    int ones = 0;
    for (size_t i = 0; i < bits.size(); ++i) ones += decoder.decode(decoded);
    benchmark::DoNotOptimize(ones);
  }
  state.counters["decisions/s"] =
      benchmark::Counter(static_cast<double>(bits.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ArithmeticRoundTrip)->Unit(benchmark::kMillisecond);

// A 96-frame sequence with 5 keyframes (clips of 24 + 1 frames), 40 tracks per clip.
void BM_ReadTgvc(benchmark::State& state) {
  TgvcStream stream;
  stream.info.width = kWidth;
  stream.info.height = kHeight;
  stream.frame_count = 97;
  stream.keyframes = {0, 24, 48, 72, 96};
  stream.keyframe_codec = "x265";
  stream.keyframe_payloads.assign(5, std::vector<uint8_t>(3000, 0x55));
  for (int c = 0; c < 4; ++c) {
    ClipTrajectories clip = smooth_clip(40);
    clip.frames = 25;
    for (CodedTrack& t : clip.tracks) {
      t.x.resize(25);
      t.y.resize(25);
      t.visible.resize(25);
    }
    stream.clips.push_back(clip);
  }
  const std::vector<uint8_t> bytes = write_tgvc(stream);
  for (auto _ : state) {
    const TgvcStream read = read_tgvc(bytes, "bench.tgvc");
    benchmark::DoNotOptimize(read.clips.data());
  }
  state.counters["file_bytes"] = static_cast<double>(bytes.size());
}
BENCHMARK(BM_ReadTgvc);

}  // namespace
}  // namespace tgvc
