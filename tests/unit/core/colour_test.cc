#include "harness/core/colour.h"

#include <gtest/gtest.h>

namespace tgvc {
namespace {

TEST(Colour, Bt709LimitedPrimariesRoundTrip) {
  Frame rgb = Frame::allocate(2, 2, {ChromaFormat::k444, 8, ColourFamily::kRgb});
  rgb.planes[0].at(0, 0) = 255;  // red
  rgb.planes[1].at(1, 0) = 255;  // green
  rgb.planes[2].at(0, 1) = 255;  // blue
  for (int p = 0; p < 3; ++p) rgb.planes[p].at(1, 1) = 255;  // white
  const Frame yuv = rgb_to_yuv(rgb, {Matrix::kBt709, Range::kLimited}, ChromaFormat::k444);
  // BT.709 limited: red is Y=63, Cb=102, Cr=240; white is Y=235, Cb=Cr=128.
  EXPECT_EQ(yuv.planes[0].at(0, 0), 63);
  EXPECT_EQ(yuv.planes[1].at(0, 0), 102);
  EXPECT_EQ(yuv.planes[2].at(0, 0), 240);
  EXPECT_EQ(yuv.planes[0].at(1, 1), 235);
  EXPECT_EQ(yuv.planes[1].at(1, 1), 128);
  const Frame back = yuv_to_rgb(yuv, {Matrix::kBt709, Range::kLimited});
  for (int p = 0; p < 3; ++p) {
    for (size_t i = 0; i < rgb.planes[p].samples.size(); ++i) {
      EXPECT_NEAR(back.planes[p].samples[i], rgb.planes[p].samples[i], 1) << "plane " << p << " sample " << i;
    }
  }
}

TEST(Colour, Bt601FullRangeGrey) {
  Frame yuv = Frame::allocate(4, 4, {ChromaFormat::k420, 8, ColourFamily::kYuv}, 128);
  yuv.planes[0].samples.assign(16, 200);
  const Frame rgb = yuv_to_rgb(yuv, {Matrix::kBt601, Range::kFull});
  for (int p = 0; p < 3; ++p) EXPECT_EQ(rgb.planes[p].at(3, 3), 200);
}

TEST(Colour, TenBitLimitedWhite) {
  Frame yuv = Frame::allocate(2, 2, {ChromaFormat::k420, 10, ColourFamily::kYuv}, 512);
  yuv.planes[0].samples.assign(4, 940);
  const Frame rgb = yuv_to_rgb(yuv, {Matrix::kBt709, Range::kLimited});
  EXPECT_EQ(rgb.planes[1].at(0, 0), 1023);
}

}  // namespace
}  // namespace tgvc
