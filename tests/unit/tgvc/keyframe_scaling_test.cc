#include "codecs/tgvc/keyframe_scaling.h"

#include <gtest/gtest.h>

#include <vector>

namespace tgvc {
namespace {

// A one-frame 4:2:0 video whose luma is `luma` (row-major) and chroma constant.
Video luma_video(int width, int height, const std::vector<uint16_t>& luma, uint16_t chroma = 128) {
  Video v;
  v.info.width = width;
  v.info.height = height;
  Frame f = Frame::allocate(width, height, v.info.format, chroma);
  f.planes[0].samples = luma;
  v.frames.push_back(f);
  return v;
}

TEST(KeyframeScaling, CodedSizeRoundsHalvesUpAndKeepsOneSample) {
  EXPECT_EQ(scaled_keyframe_size(512, 320, 0.5), std::make_pair(256, 160));
  EXPECT_EQ(scaled_keyframe_size(512, 320, 0.25), std::make_pair(128, 80));
  EXPECT_EQ(scaled_keyframe_size(5, 3, 0.5), std::make_pair(3, 2));  // 2.5 -> 3, 1.5 -> 2
  EXPECT_EQ(scaled_keyframe_size(7, 9, 1), std::make_pair(7, 9));
  EXPECT_EQ(scaled_keyframe_size(3, 1, 0.0625), std::make_pair(1, 1));
}

// Shrinking by 2 is the rounded mean of each 2x2 block (closed form).
TEST(KeyframeScaling, HalvingIsTheMeanOfEachBlock) {
  const std::vector<uint16_t> luma = {0,   1,   10, 20,  //
                                      2,   2,   30, 41,  //
                                      255, 255, 7,  8,   //
                                      254, 255, 9,  9};
  const Video half = resize_keyframes(luma_video(4, 4, luma), 2, 2);
  EXPECT_EQ(half.info.width, 2);
  EXPECT_EQ(half.info.height, 2);
  // (0+1+2+2)/4 = 1.25 -> 1; (10+20+30+41)/4 = 25.25 -> 25; 1019/4 = 254.75 -> 255; 33/4 = 8.25 -> 8
  EXPECT_EQ(half.frames[0].planes[0].samples, (std::vector<uint16_t>{1, 25, 255, 8}));
  EXPECT_EQ(half.frames[0].planes[1].width, 1);
  EXPECT_EQ(half.frames[0].planes[1].samples, (std::vector<uint16_t>{128}));
}

// 3 -> 2 samples: each output covers one and a half inputs (weights 2:1 and 1:2 in thirds).
TEST(KeyframeScaling, ShrinkingWeighsInputsByOverlap) {
  const Video out = resize_keyframes(luma_video(3, 1, {0, 30, 60}), 2, 1);
  EXPECT_EQ(out.frames[0].planes[0].samples, (std::vector<uint16_t>{10, 50}));
  // Halves round up: (1 x 2 + 0) / 3 = 0.67 -> 1, (0 + 2 x 1) / 3 -> 1; (2 + 3) / 2 = 2.5 -> 3.
  EXPECT_EQ(resize_keyframes(luma_video(3, 1, {1, 0, 1}), 2, 1).frames[0].planes[0].samples,
            (std::vector<uint16_t>{1, 1}));
  EXPECT_EQ(resize_keyframes(luma_video(2, 1, {2, 3}), 1, 1).frames[0].planes[0].samples,
            (std::vector<uint16_t>{3}));
}

// Growing 2 -> 4: centres at -0.25 (clamped), 0.25, 0.75, 1.25 (clamped) input samples.
TEST(KeyframeScaling, GrowingInterpolatesLinearlyBetweenCentres) {
  const Video out = resize_keyframes(luma_video(2, 1, {0, 100}), 4, 1);
  EXPECT_EQ(out.frames[0].planes[0].samples, (std::vector<uint16_t>{0, 25, 75, 100}));
  // 2 -> 3: centres at -1/6 (clamped), 1/2, 7/6 (clamped).
  EXPECT_EQ(resize_keyframes(luma_video(2, 1, {0, 99}), 3, 1).frames[0].planes[0].samples,
            (std::vector<uint16_t>{0, 50, 99}));  // 49.5 rounds up
  // Vertically the same: a 1x2 column to 1x4.
  EXPECT_EQ(resize_keyframes(luma_video(1, 2, {0, 100}), 1, 4).frames[0].planes[0].samples,
            (std::vector<uint16_t>{0, 25, 75, 100}));
}

// Odd sizes, 10-bit and 4:4:4: a flat frame stays flat at every size, the chroma planes follow
// the chroma format, and an equal size is a copy.
TEST(KeyframeScaling, OddSizesFlatFramesAndCopies) {
  for (const PixelFormat format : {PixelFormat{}, PixelFormat{ChromaFormat::k444, 10, ColourFamily::kYuv}}) {
    Video v;
    v.info.width = 37;
    v.info.height = 23;
    v.info.format = format;
    v.frames.push_back(Frame::allocate(37, 23, format, 1000 % (1 << format.bit_depth)));
    for (const auto& [w, h] : std::vector<std::pair<int, int>>{{19, 12}, {1, 1}, {37, 23}, {5, 23}}) {
      const Video small = resize_keyframes(v, w, h);
      const Video back = resize_keyframes(small, 37, 23);
      for (int p = 0; p < 3; ++p) {
        const int cw = p == 0 ? w : chroma_width(w, format.chroma);
        EXPECT_EQ(small.frames[0].planes[p].width, cw);
        EXPECT_EQ(small.frames[0].planes[p].height, p == 0 ? h : chroma_height(h, format.chroma));
        EXPECT_EQ(back.frames[0].planes[p].samples, v.frames[0].planes[p].samples);
      }
    }
  }
  std::vector<uint16_t> ramp;
  for (int i = 0; i < 5 * 3; ++i) ramp.push_back(static_cast<uint16_t>(i * 17));
  EXPECT_EQ(resize_keyframes(luma_video(5, 3, ramp), 5, 3).frames[0].planes[0].samples, ramp);
}

}  // namespace
}  // namespace tgvc
