#include "harness/metrics/msssim_metric.h"

#include <cmath>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/core/error.h"
#include "tests/unit/metrics/metric_test_util.h"
#include "tests/unit/metrics/reference_inputs.h"

namespace tgvc {
namespace {

using testing::names_of;
using testing::options_for;
using testing::value_named;

constexpr double kTolerance = 1e-9;

struct RgbPair {
  Video ref;
  Video dist;
};

RgbPair reference_rgb_videos(int width, int height) {
  testing::ImagePair pair = testing::reference_image_pair(width, height);
  return {testing::video_of_frames({pair.ref}), testing::video_of_frames({pair.dist})};
}

// 16-bit RGB has the data range 65535: the reference pair scaled by 257 gives pytorch-msssim's
// value for the 8-bit pair (SSIM is invariant when the data range scales with the samples).
TEST(MsssimMetric, SixteenBitRgbDataRangeIs65535) {
  RgbPair v = reference_rgb_videos(256, 192);
  for (Video* video : {&v.ref, &v.dist}) {
    video->info.format.bit_depth = 16;
    for (Frame& frame : video->frames) {
      frame.format.bit_depth = 16;
      for (Plane& plane : frame.planes) {
        for (uint16_t& s : plane.samples) s = static_cast<uint16_t>(s * 257);
      }
    }
  }
  const auto ms = MsssimMetric().compute(v.ref, v.dist, {});
  EXPECT_NEAR(ms[0].value,
              testing::reference_vectors()["images"]["img_even_3x192x256"]["msssim_vainf"].get<double>(),
              kTolerance);
  EXPECT_THAT(ms[0].convention, ::testing::HasSubstr("data range 65535"));
  // Luma of an RGB video comes from the video's stated matrix and range.
  const MsssimMetric metric;
  const auto y = metric.compute(v.ref, v.dist, options_for(metric, {{"colour", "y"}}));
  EXPECT_THAT(y[0].convention, ::testing::HasSubstr("converted from RGB with bt709 limited range"));
}

TEST(MsssimMetric, RgbReferenceImagesBothConventions) {
  const MsssimMetric msssim;
  const SsimMetric ssim;
  for (const auto& [key, w, h] :
       {std::tuple{"img_even_3x192x256", 256, 192}, std::tuple{"img_odd_3x181x203", 203, 181}}) {
    const auto& expected = testing::reference_vectors()["images"][key];
    const RgbPair v = reference_rgb_videos(w, h);
    const auto ms = msssim.compute(v.ref, v.dist, {});
    ASSERT_THAT(names_of(ms), ::testing::ElementsAre("msssim_rgb"));
    EXPECT_TRUE(ms[0].available) << ms[0].reason;
    EXPECT_EQ(ms[0].unit, "");
    EXPECT_THAT(ms[0].convention, ::testing::HasSubstr("pytorch-msssim"));
    EXPECT_NEAR(ms[0].value, expected["msssim_vainf"].get<double>(), kTolerance) << key;
    ASSERT_EQ(ms[0].per_frame.size(), 1u);
    EXPECT_NEAR(ms[0].per_frame[0], expected["msssim_vainf"].get<double>(), kTolerance) << key;
    const auto s = ssim.compute(v.ref, v.dist, {});
    ASSERT_THAT(names_of(s), ::testing::ElementsAre("ssim_rgb"));
    EXPECT_NEAR(s[0].value, expected["ssim_vainf"].get<double>(), kTolerance) << key;
  }
  const auto& even = testing::reference_vectors()["images"]["img_even_3x192x256"];
  const RgbPair v = reference_rgb_videos(256, 192);
  const auto dcvc = msssim.compute(v.ref, v.dist, options_for(msssim, {{"convention", "dcvc"}}));
  EXPECT_NEAR(dcvc[0].value, even["msssim_dcvc_rgb"].get<double>(), kTolerance);
  EXPECT_THAT(dcvc[0].convention, ::testing::HasSubstr("DCVC"));
}

// A YUV 4:2:0 video whose luma is one channel of the reference image and whose chroma is neutral.
RgbPair grey_yuv_videos(int channel, ColourSpec colour) {
  testing::ImagePair pair = testing::reference_image_pair(256, 192);
  const PixelFormat yuv{ChromaFormat::k420, 8, ColourFamily::kYuv};
  Frame a = Frame::allocate(256, 192, yuv, 128);
  Frame b = Frame::allocate(256, 192, yuv, 128);
  a.planes[0] = pair.ref.planes[channel];
  b.planes[0] = pair.dist.planes[channel];
  return {testing::video_of_frames({a, a}, colour), testing::video_of_frames({a, b}, colour)};
}

TEST(MsssimMetric, LumaOnlyAndGreyRgbMatchTheChannelValue) {
  const auto& expected = testing::reference_vectors()["images"]["img_even_3x192x256"];
  const MsssimMetric metric;
  const RgbPair v = grey_yuv_videos(1, {Matrix::kBt601, Range::kFull});
  const double channel1 = expected["msssim_vainf_per_channel"][1].get<double>();
  const auto y = metric.compute(v.ref, v.dist, options_for(metric, {{"colour", "y"}}));
  ASSERT_THAT(names_of(y), ::testing::ElementsAre("msssim_y"));
  // Frame 0 is identical, frame 1 is the reference pair: the sequence is the mean of the two.
  ASSERT_EQ(y[0].per_frame.size(), 2u);
  EXPECT_NEAR(y[0].per_frame[0], 1.0, 1e-12);
  EXPECT_NEAR(y[0].per_frame[1], channel1, kTolerance);
  EXPECT_NEAR(y[0].value, (1.0 + channel1) / 2, kTolerance);
  // Full-range grey converts to R = G = B = Y.
  const auto rgb = metric.compute(v.ref, v.dist, {});
  EXPECT_NEAR(rgb[0].per_frame[1], channel1, kTolerance);
  EXPECT_THAT(rgb[0].convention, ::testing::HasSubstr("bt601 full"));
}

TEST(MsssimMetric, SmallFramesAreNotAvailableButSsimIs) {
  const testing::VideoPair pair = testing::reference_yuv420_pair();  // 64x48
  const auto ms = MsssimMetric().compute(pair.ref, pair.dist, {});
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_FALSE(ms[0].available);
  EXPECT_TRUE(std::isnan(ms[0].value));
  EXPECT_TRUE(ms[0].per_frame.empty());
  EXPECT_THAT(ms[0].reason, ::testing::HasSubstr("160"));
  const auto s = SsimMetric().compute(pair.ref, pair.dist, {});
  EXPECT_TRUE(s[0].available) << s[0].reason;
  EXPECT_GT(s[0].value, 0.5);
  EXPECT_LT(s[0].value, 1.0);
}

TEST(MsssimMetric, IdenticalVideosGiveOne) {
  const RgbPair v = grey_yuv_videos(0, {});
  for (const std::string convention : {"vainf", "dcvc"}) {
    const MsssimMetric metric;
    const auto values = metric.compute(v.ref, v.ref, options_for(metric, {{"convention", convention}}));
    EXPECT_NEAR(values[0].value, 1.0, 1e-12) << convention;
  }
}

TEST(MsssimMetric, OptionTableRejectsUnknownValues) {
  const MsssimMetric metric;
  EXPECT_THROW(options_for(metric, {{"convention", "matlab"}}), InputError);
  EXPECT_THROW(options_for(metric, {{"colour", "yuv"}}), InputError);
  EXPECT_THROW(options_for(metric, {{"color", "y"}}), InputError);
  EXPECT_EQ(options_for(metric, {}).get_string("convention"), "vainf");
  EXPECT_EQ(options_for(metric, {}).get_string("colour"), "rgb");
}

}  // namespace
}  // namespace tgvc
