#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "codecs/tgvc/bitstream/quantisation.h"
#include "codecs/tgvc/bitstream/stream_limits.h"
#include "codecs/tgvc/bitstream/trajectory_decoder.h"
#include "codecs/tgvc/bitstream/trajectory_encoder.h"
#include "codecs/tgvc/bitstream/trajectory_model.h"
#include "harness/core/error.h"
#include "harness/core/lcg.h"
#include "tests/unit/bitstream/synthetic_tracks.h"

namespace tgvc {
namespace {

using testing_tracks::MotionSpec;
using testing_tracks::smooth_clip;

struct Coded {
  std::vector<uint8_t> bytes;
  ClipTrajectories decoded;
};

Coded round_trip(const ClipTrajectories& clip, double step, int width, int height,
                 int predictor = kBestPredictor) {
  const int sixteenths = quant_step_sixteenths(step, "step");
  const QuantAxis ax(sixteenths, width), ay(sixteenths, height);
  Coded coded;
  coded.bytes = encode_clip_trajectories(clip, ax, ay, predictor);
  coded.decoded = decode_clip_trajectories(coded.bytes.data(), coded.bytes.size(), clip.frames, ax, ay,
                                           kTgvcMaxTrackFrames, "test");
  return coded;
}

AxisState history(std::vector<int> frames, std::vector<int> indices) {
  AxisState state;
  for (size_t i = 0; i < frames.size(); ++i) state.record(frames[i], indices[i]);
  return state;
}

void expect_prediction(const Prediction& p, int index, int phase, int lean) {
  EXPECT_EQ(p.index, index);
  EXPECT_EQ(p.phase, phase);
  EXPECT_EQ(p.lean, lean);
}

// Values worked out by hand from the definitions in docs/bitstream.md.
TEST(Prediction, ExtrapolatesTheMeanVelocityOfTheLastSteps) {
  for (int predictor = 0; predictor < kPredictorCount; ++predictor) {
    expect_prediction(predict(history({0}, {10}), predictor, 3, 100), 10, 0, 0);
  }
  expect_prediction(predict(history({0, 1}, {10, 12}), 1, 2, 100), 14, 1, 0);
  expect_prediction(predict(history({0, 2}, {10, 14}), 3, 5, 100), 20, 1, 0);  // 2 per frame, 3 on
  // Span 4 over frames 1..5: moved 1 in 4 frames. One ahead: +1/4 rounds to 0, a rest of 2/8.
  const AxisState slow = history({0, 1, 2, 3, 4, 5}, {9, 5, 5, 6, 6, 6});
  expect_prediction(predict(slow, 3, 6, 100), 6, 3, 1);
  // Two ahead: +1/2 rounds (half away from zero) to 1, a rest of -1/2.
  expect_prediction(predict(slow, 3, 7, 100), 7, 4, 2);
  // Hold: no step, the whole +1/2 is the rest.
  expect_prediction(predict(slow, 0, 7, 100), 6, 4, 1);
  // Span 1: -3 over 2 frames, one ahead: -1.5 -> -2, rest +1/2; and the mirror image.
  expect_prediction(predict(history({0, 2}, {13, 10}), 1, 3, 100), 8, 4, 1);
  expect_prediction(predict(history({0, 2}, {10, 13}), 1, 3, 100), 15, 4, 2);
  // Span 8 with a shorter history uses all of it: 6 cells in 3 frames.
  expect_prediction(predict(history({0, 1, 3}, {0, 2, 6}), 4, 4, 100), 8, 1, 0);
  // Clamped to the grid.
  EXPECT_EQ(predict(history({0, 1}, {90, 99}), 1, 5, 100).index, 99);
  EXPECT_EQ(predict(history({0, 1}, {9, 0}), 1, 5, 100).index, 0);
}

TEST(TrajectoryCoding, RoundTripEqualsQuantiseForSmoothTracksWithGaps) {
  MotionSpec spec;
  spec.gap_probability = 0.05;
  spec.start_hidden = true;
  for (double step : {8.0, 4.0, 2.0, 1.0, 0.5, 0.0625, 64.0}) {
    for (uint32_t seed = 1; seed <= 6; ++seed) {
      spec.width = 100 + 83 * seed;
      spec.height = 60 + 51 * seed;
      spec.max_speed = seed * 2.0;
      const ClipTrajectories clip = smooth_clip(seed, 5 * seed, 2 + 7 * seed, spec);
      const ClipTrajectories expected = quantise(clip, step, spec.width, spec.height);
      const Coded best = round_trip(clip, step, spec.width, spec.height);
      ASSERT_EQ(best.decoded, expected) << "step " << step << " seed " << seed;
      for (int predictor = 0; predictor < kPredictorCount; ++predictor) {
        const Coded coded = round_trip(clip, step, spec.width, spec.height, predictor);
        ASSERT_EQ(coded.decoded, expected)
            << "step " << step << " seed " << seed << " predictor " << predictor;
        EXPECT_LE(best.bytes.size(), coded.bytes.size());
      }
    }
  }
}

TEST(TrajectoryCoding, EdgeCases) {
  const int width = 512, height = 320;
  ClipTrajectories empty;
  empty.frames = 30;
  const Coded none = round_trip(empty, 8, width, height);
  EXPECT_EQ(none.decoded, empty);
  EXPECT_LE(none.bytes.size(), 1u);

  ClipTrajectories clip;
  clip.frames = 4;
  const float w = width, h = height;
  clip.tracks = {
      {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}},                              // never visible
      {{5, 6, 7, 300}, {5, 6, 7, 8}, {0, 0, 1, 0}},                            // one visible frame
      {{0, w, 0, w}, {0, h, h, 0}, {1, 1, 1, 1}},                              // corner to corner
      {{-50, w + 50, -1e9f, 1e9f}, {h + 1, -1, 1e9f, -1e9f}, {1, 1, 1, 1}},    // outside: clamped
      {{w - 0.01f, 0.01f, w / 2, w / 2}, {h / 2, h / 2, 0, h}, {1, 0, 0, 1}},  // gap over the frame
  };
  const Coded coded = round_trip(clip, 8, width, height);
  EXPECT_EQ(coded.decoded, quantise(clip, 8, width, height));

  ClipTrajectories two;  // the shortest clip the container has: two keyframes in a row
  two.frames = 2;
  two.tracks.push_back({{10, 20}, {30, 40}, {1, 1}});
  EXPECT_EQ(round_trip(two, 1, width, height).decoded, quantise(two, 1, width, height));
}

TEST(TrajectoryCoding, SmoothMotionCostsFewBits) {
  MotionSpec spec;  // 512x320, up to 3 pixels per frame, always visible
  const int tracks = 8, frames = 30;
  struct Row {
    double step;
    double max_bytes;  // measured mean + ~14%: a regression guard; the measured means are printed
  };
  for (const Row& row : {Row{8, 70}, Row{4, 84}, Row{2, 100}, Row{1, 120}, Row{0.5, 146}}) {
    double total = 0;
    const int seeds = 20;
    for (uint32_t seed = 1; seed <= seeds; ++seed) {
      const ClipTrajectories clip = smooth_clip(100 + seed, tracks, frames, spec);
      const Coded coded = round_trip(clip, row.step, spec.width, spec.height);
      ASSERT_EQ(coded.decoded, quantise(clip, row.step, spec.width, spec.height));
      total += coded.bytes.size();
    }
    const double mean = total / seeds;
    std::printf("q=%g: %d tracks x %d frames of smooth motion -> %.1f bytes (%.2f bits per track-frame)\n",
                row.step, tracks, frames, mean, 8 * mean / (tracks * frames));
    EXPECT_LT(mean, row.max_bytes) << "step " << row.step;
    // A start position alone is 6 + 6 bits at q = 8 on 512x320: nothing can be that cheap.
    EXPECT_GT(mean, tracks * 12 / 8.0) << "step " << row.step;
  }
}

TEST(TrajectoryDecoding, RejectsTrailingBytes) {
  MotionSpec spec;
  const ClipTrajectories clip = smooth_clip(5, 4, 20, spec);
  const QuantAxis ax(128, 512), ay(128, 320);
  std::vector<uint8_t> bytes = encode_clip_trajectories(clip, ax, ay);
  bytes.insert(bytes.end(), 5, 0x5A);  // more than the 4 zeros an encoder may leave out
  EXPECT_THROW(decode_clip_trajectories(bytes.data(), bytes.size(), 20, ax, ay, kTgvcMaxTrackFrames, "t"),
               InputError);
}

TEST(TrajectoryDecoding, RejectsCountsBeyondLimitsBeforeAllocating) {
  const QuantAxis ax(128, 512), ay(128, 320);
  for (uint32_t count : {100000u, 1000000u, 1000001u, 2000000u}) {
    // Only the count is coded: the decoder must refuse it before it looks for the tracks.
    ArithmeticEncoder encoder;
    encode_exp_golomb(encoder, count, {});
    const std::vector<uint8_t> bytes = encoder.finish();
    try {
      decode_clip_trajectories(bytes.data(), bytes.size(), 30, ax, ay, kTgvcMaxTrackFrames, "t");
      FAIL() << count << " tracks in " << bytes.size() << " bytes were accepted";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find("track_count"), std::string::npos) << e.what();
    }
  }
  // Within the per-payload bound but beyond the file's remaining budget.
  MotionSpec spec;
  const ClipTrajectories clip = smooth_clip(9, 10, 30, spec);
  const std::vector<uint8_t> bytes = encode_clip_trajectories(clip, ax, ay);
  EXPECT_THROW(decode_clip_trajectories(bytes.data(), bytes.size(), 30, ax, ay, 299, "t"), InputError);
  EXPECT_NO_THROW(decode_clip_trajectories(bytes.data(), bytes.size(), 30, ax, ay, 300, "t"));
}

// Random payloads: every one either decodes or raises InputError, quickly and without crashing.
TEST(TrajectoryDecoding, RandomPayloadsNeverCrash) {
  Lcg lcg(77);
  const QuantAxis ax(32, 512), ay(32, 320);
  int decoded = 0;
  for (int i = 0; i < 3000; ++i) {
    std::vector<uint8_t> bytes(lcg.next() % 64);
    for (uint8_t& b : bytes) b = static_cast<uint8_t>(lcg.next());
    try {
      const ClipTrajectories clip = decode_clip_trajectories(bytes.data(), bytes.size(), 1 + lcg.next() % 40,
                                                             ax, ay, kTgvcMaxTrackFrames, "t");
      ++decoded;
      for (const CodedTrack& t : clip.tracks) ASSERT_EQ(t.x.size(), static_cast<size_t>(clip.frames));
    } catch (const InputError&) {
    }
  }
  std::printf("%d of 3000 random payloads were valid streams\n", decoded);
}

}  // namespace
}  // namespace tgvc
