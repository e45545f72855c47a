#include "codecs/tgvc/bitstream/quantisation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "harness/core/error.h"

namespace tgvc {
namespace {

TEST(QuantStep, AcceptsMultiplesOfASixteenth) {
  EXPECT_EQ(quant_step_sixteenths(8, "q"), 128);
  EXPECT_EQ(quant_step_sixteenths(0.5, "q"), 8);
  EXPECT_EQ(quant_step_sixteenths(0.0625, "q"), 1);
  EXPECT_EQ(quant_step_sixteenths(64, "q"), 1024);
  for (double bad : {0.0, -8.0, 0.03, 0.3, 64.0625, 100.0, std::nan("")}) {
    EXPECT_THROW(quant_step_sixteenths(bad, "q"), InputError) << bad;
  }
}

// Cells of 8 pixels on a 500-pixel axis: 62 full cells and a last one of 4 pixels.
TEST(QuantAxis, IndicesAndCentresOnTheLatentGrid) {
  const QuantAxis axis(128, 500);
  EXPECT_EQ(axis.cells(), 63);
  EXPECT_EQ(axis.index_bits(), 6);
  EXPECT_EQ(axis.index(0.0f), 0);
  EXPECT_EQ(axis.index(7.99f), 0);
  EXPECT_EQ(axis.index(8.0f), 1);
  EXPECT_EQ(axis.index(499.9f), 62);
  EXPECT_EQ(axis.index(500.0f), 62);
  EXPECT_EQ(axis.index(1e9f), 62);
  EXPECT_EQ(axis.index(-3.0f), 0);
  EXPECT_EQ(axis.index(std::numeric_limits<float>::quiet_NaN()), 0);
  EXPECT_EQ(axis.index(std::numeric_limits<float>::infinity()), 62);
  EXPECT_EQ(axis.index(-std::numeric_limits<float>::infinity()), 0);
  EXPECT_EQ(axis.centre(0), 4.0f);
  EXPECT_EQ(axis.centre(1), 12.0f);
  EXPECT_EQ(axis.centre(61), 492.0f);
  EXPECT_EQ(axis.centre(62), 498.0f);  // [496, 500]
}

TEST(QuantAxis, FineSteps) {
  const QuantAxis half(8, 320);  // 0.5 pixel
  EXPECT_EQ(half.cells(), 640);
  EXPECT_EQ(half.index_bits(), 10);
  EXPECT_EQ(half.index(3.3f), 6);
  EXPECT_EQ(half.centre(6), 3.25f);
  const QuantAxis sixteenth(1, 16384);
  EXPECT_EQ(sixteenth.cells(), 262144);
  EXPECT_EQ(sixteenth.index_bits(), 18);
  EXPECT_EQ(sixteenth.index(16383.97f), 262143);
  EXPECT_EQ(sixteenth.centre(262143), 16383.96875f);
  const QuantAxis single(1024, 50);  // one 64-pixel cell clipped to 50
  EXPECT_EQ(single.cells(), 1);
  EXPECT_EQ(single.index_bits(), 0);
  EXPECT_EQ(single.centre(0), 25.0f);
}

TEST(Quantise, VisiblePositionsGoToCellCentresInvisibleToZero) {
  ClipTrajectories clip;
  clip.frames = 3;
  clip.tracks.push_back({{3.0f, 100.5f, 7.0f}, {319.0f, -2.0f, 9.0f}, {1, 7, 0}});
  const ClipTrajectories q = quantise(clip, 8, 512, 320);
  ASSERT_EQ(q.tracks.size(), 1u);
  EXPECT_EQ(q.frames, 3);
  EXPECT_EQ(q.tracks[0].x, std::vector<float>({4.0f, 100.0f, 0.0f}));
  EXPECT_EQ(q.tracks[0].y, std::vector<float>({316.0f, 4.0f, 0.0f}));
  EXPECT_EQ(q.tracks[0].visible, std::vector<uint8_t>({1, 1, 0}));
}

TEST(Quantise, RejectsMismatchedTracks) {
  ClipTrajectories clip;
  clip.frames = 3;
  clip.tracks.push_back({{1, 2, 3}, {1, 2}, {1, 1, 1}});
  EXPECT_THROW(quantise(clip, 8, 512, 320), InputError);
  clip.tracks[0].y.push_back(3);
  EXPECT_NO_THROW(quantise(clip, 8, 512, 320));
  EXPECT_THROW(quantise(clip, 3.01, 512, 320), InputError);
  EXPECT_THROW(quantise(clip, 8, 0, 320), InputError);
}

}  // namespace
}  // namespace tgvc
