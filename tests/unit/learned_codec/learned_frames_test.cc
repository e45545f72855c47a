// Frames to the networks' padded RGB input and back: each family's padding (CompressAI's centred
// zeros, NeuralCompression's reflection at the right and bottom) against hand-placed samples.
#include <gtest/gtest.h>

#include "codecs/learned/learned_frames.h"

namespace tgvc::learned {
namespace {

// An RGB frame whose R sample at (x, y) is x + 10 y, G is 200 - x, B is y.
Frame ramp(int width, int height) {
  Frame f = Frame::allocate(width, height, {ChromaFormat::k444, 8, ColourFamily::kRgb});
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      f.planes[0].at(x, y) = static_cast<uint16_t>(x + 10 * y);
      f.planes[1].at(x, y) = static_cast<uint16_t>(200 - x);
      f.planes[2].at(x, y) = static_cast<uint16_t>(y);
    }
  }
  return f;
}

float at(const Planes& p, int c, int x, int y) {
  return p.values[c * p.plane_size() + static_cast<size_t>(y) * p.width + x];
}

TEST(LearnedFrames, PaddedSizeIsTheNextMultiple) {
  EXPECT_EQ(padded_size(64, 64), 64);
  EXPECT_EQ(padded_size(65, 64), 128);
  EXPECT_EQ(padded_size(1, 64), 64);
}

TEST(LearnedFrames, CentredZeroPaddingSplitsTheMarginEvenly) {
  // 13 x 7 in 64 x 64: left (64 - 13) / 2 = 25, top (64 - 7) / 2 = 28.
  const Planes p = frame_to_planes(ramp(13, 7), {}, Padding::kCentredZero, 64);
  ASSERT_EQ(p.width, 64);
  ASSERT_EQ(p.height, 64);
  EXPECT_FLOAT_EQ(at(p, 0, 25, 28), 0.0f);
  EXPECT_FLOAT_EQ(at(p, 1, 25, 28), 200.0f / 255.0f);
  EXPECT_FLOAT_EQ(at(p, 0, 25 + 12, 28 + 6), (12 + 60) / 255.0f);
  EXPECT_FLOAT_EQ(at(p, 1, 24, 28), 0.0f);
  EXPECT_FLOAT_EQ(at(p, 1, 25, 27), 0.0f);
  EXPECT_FLOAT_EQ(at(p, 1, 25 + 13, 28), 0.0f);
}

TEST(LearnedFrames, ReflectionPadsRightAndBottomWithoutRepeatingTheEdge) {
  const Planes p = frame_to_planes(ramp(13, 7), {}, Padding::kReflectRightBottom, 16);
  ASSERT_EQ(p.width, 16);
  ASSERT_EQ(p.height, 16);
  EXPECT_FLOAT_EQ(at(p, 0, 0, 0), 0.0f);
  EXPECT_FLOAT_EQ(at(p, 0, 13, 0), 11 / 255.0f);  // torch's reflect: x = 13 reads 11
  EXPECT_FLOAT_EQ(at(p, 0, 15, 0), 9 / 255.0f);
  EXPECT_FLOAT_EQ(at(p, 2, 0, 7), 5 / 255.0f);   // y = 7 reads 5
  EXPECT_FLOAT_EQ(at(p, 2, 0, 12), 0 / 255.0f);  // y = 12 reads 0
  EXPECT_FLOAT_EQ(at(p, 2, 0, 13), 1 / 255.0f);  // and the mirror goes on
}

TEST(LearnedFrames, CroppingUndoesEitherPadding) {
  const Frame source = ramp(13, 7);
  for (Padding padding : {Padding::kCentredZero, Padding::kReflectRightBottom}) {
    const Planes p = frame_to_planes(source, {}, padding, 64);
    const Frame back = planes_to_frame(p, 13, 7, padding, source.format, {});
    for (int c = 0; c < 3; ++c) EXPECT_EQ(back.planes[c].samples, source.planes[c].samples);
  }
}

TEST(LearnedFrames, ReconstructionsAreClampedAndRounded) {
  Planes p;
  p.channels = 3;
  p.width = 2;
  p.height = 1;
  p.values = {-0.5f, 1.5f, 0.5f, 0.501f, 100.0f / 255.0f, 0.0f};
  const Frame f =
      planes_to_frame(p, 2, 1, Padding::kReflectRightBottom, {ChromaFormat::k444, 8, ColourFamily::kRgb}, {});
  EXPECT_EQ(f.planes[0].at(0, 0), 0);
  EXPECT_EQ(f.planes[0].at(1, 0), 255);
  EXPECT_EQ(f.planes[1].at(0, 0), 128);  // 127.5 rounds away from zero
  EXPECT_EQ(f.planes[1].at(1, 0), 128);
  EXPECT_EQ(f.planes[2].at(0, 0), 100);
}

}  // namespace
}  // namespace tgvc::learned
