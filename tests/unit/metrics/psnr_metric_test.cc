#include "harness/metrics/psnr_metric.h"

#include <cmath>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/core/error.h"
#include "harness/metrics/psnr_kernels.h"
#include "tests/unit/metrics/metric_test_util.h"
#include "tests/unit/metrics/reference_inputs.h"

namespace tgvc {
namespace {

using testing::names_of;
using testing::options_for;
using testing::value_named;
using testing::video_of;

constexpr double kTolerance = 1e-9;
const PixelFormat kYuv420{ChromaFormat::k420, 8, ColourFamily::kYuv};

TEST(PsnrMetric, YuvReferenceSequenceEveryValue) {
  const auto& expected = testing::reference_vectors()["yuv420_2frames_64x48"];
  const testing::VideoPair pair = testing::reference_yuv420_pair();
  const PsnrMetric metric;
  const auto values = metric.compute(pair.ref, pair.dist, options_for(metric, {{"extra_yuv", "true"}}));
  const struct {
    const char* name;
    const char* frame_key;
    const char* mean_key;
    const char* pooled_key;
  } planes[] = {{"psnr_y", "psnr_Y", "avg_of_frame_psnr_Y", "psnr_from_mean_mse_Y"},
                {"psnr_u", "psnr_U", "avg_of_frame_psnr_U", "psnr_from_mean_mse_U"},
                {"psnr_v", "psnr_V", "avg_of_frame_psnr_V", "psnr_from_mean_mse_V"},
                {"psnr_yuv611", "psnr_yuv_611", "avg_of_frame_yuv_611 (DCVC/JVET-style)", nullptr},
                {"psnr_yuv411", "psnr_yuv_411", "avg_of_frame_yuv_411 (CompressAI video eval)", nullptr}};
  for (const auto& p : planes) {
    const MetricValue& v = value_named(values, p.name);
    EXPECT_TRUE(v.available);
    EXPECT_EQ(v.unit, "dB");
    ASSERT_EQ(v.per_frame.size(), 2u) << p.name;
    for (int f = 0; f < 2; ++f) {
      EXPECT_NEAR(v.per_frame[f], expected["frames"][f][p.frame_key].get<double>(), kTolerance)
          << p.name << f;
    }
    EXPECT_NEAR(v.value, expected["aggregate"][p.mean_key].get<double>(), kTolerance) << p.name;
    EXPECT_THAT(v.convention, ::testing::HasSubstr("mean"));
    if (p.pooled_key) {
      const MetricValue& pooled = value_named(values, std::string(p.name) + "_msepool");
      EXPECT_NEAR(pooled.value, expected["aggregate"][p.pooled_key].get<double>(), kTolerance) << p.name;
      EXPECT_THAT(pooled.convention, ::testing::HasSubstr("frame-averaged MSE"));
    }
  }
  EXPECT_NEAR(value_named(values, "psnr_yuv_hm").value,
              expected["aggregate"]["hm_yuv_psnr (4:1:1 MSE-weighted, frame-averaged MSE)"].get<double>(),
              kTolerance);
  // 6:1:1 of the pooled plane PSNRs.
  const double pooled611 =
      (6 * value_named(values, "psnr_y_msepool").value + value_named(values, "psnr_u_msepool").value +
       value_named(values, "psnr_v_msepool").value) /
      8;
  EXPECT_NEAR(value_named(values, "psnr_yuv611_msepool").value, pooled611, 1e-12);
}

TEST(PsnrMetric, RgbReferenceImagePooledOverChannels) {
  for (const auto& [key, w, h] :
       {std::tuple{"img_even_3x192x256", 256, 192}, std::tuple{"img_odd_3x181x203", 203, 181}}) {
    const auto& expected = testing::reference_vectors()["images"][key];
    testing::ImagePair pair = testing::reference_image_pair(w, h);
    const Video ref = testing::video_of_frames({pair.ref});
    const Video dist = testing::video_of_frames({pair.dist});
    const auto values = PsnrMetric().compute(ref, dist, {});
    // An RGB video's Y, U, V values come from the stated conversion; psnr_rgb from its samples.
    EXPECT_THAT(names_of(values), ::testing::Contains("psnr_y"));
    EXPECT_THAT(value_named(values, "psnr_y").convention,
                ::testing::HasSubstr("converted to YUV 4:4:4 (bt709 limited range"));
    const MetricValue& rgb = value_named(values, "psnr_rgb");
    ASSERT_EQ(rgb.per_frame.size(), 1u);
    EXPECT_NEAR(rgb.per_frame[0], expected["psnr_rgb_pooled"].get<double>(), kTolerance) << key;
    EXPECT_NEAR(rgb.value, expected["psnr_rgb_pooled"].get<double>(), kTolerance) << key;
    EXPECT_NEAR(value_named(values, "psnr_rgb_msepool").value, expected["psnr_rgb_pooled"].get<double>(),
                kTolerance)
        << key;
  }
}

// 16-bit RGB (a 16-bit PNG) has the peak 65535: the reference pair scaled by 257 (8-bit v is
// 257 v in 16 bits) has the same PSNR as the 8-bit pair, and the convention says so.
TEST(PsnrMetric, SixteenBitRgbPeakIs65535) {
  const auto& expected = testing::reference_vectors()["images"]["img_odd_3x181x203"];
  testing::ImagePair pair = testing::reference_image_pair(203, 181);
  for (Frame* frame : {&pair.ref, &pair.dist}) {
    frame->format.bit_depth = 16;
    for (Plane& plane : frame->planes) {
      for (uint16_t& v : plane.samples) v = static_cast<uint16_t>(v * 257);
    }
  }
  const auto values =
      PsnrMetric().compute(testing::video_of_frames({pair.ref}), testing::video_of_frames({pair.dist}), {});
  const MetricValue& rgb = value_named(values, "psnr_rgb");
  EXPECT_NEAR(rgb.value, expected["psnr_rgb_pooled"].get<double>(), kTolerance);
  EXPECT_THAT(rgb.convention, ::testing::HasSubstr("peak 2^16-1=65535"));
}

// Grey RGB (R = G = B) in full range converts to Y = the grey value and neutral chroma, so psnr_y
// is the channel's PSNR (vectors.json psnr_per_channel) and U, V are identical (the cap).
TEST(PsnrMetric, GreyRgbLumaIsTheChannelPsnr) {
  const auto& expected = testing::reference_vectors()["images"]["img_even_3x192x256"];
  testing::ImagePair pair = testing::reference_image_pair(256, 192);
  for (Frame* frame : {&pair.ref, &pair.dist}) frame->planes[0] = frame->planes[2] = frame->planes[1];
  const ColourSpec full{Matrix::kBt601, Range::kFull};
  const auto values = PsnrMetric().compute(testing::video_of_frames({pair.ref}, full),
                                           testing::video_of_frames({pair.dist}, full), {});
  EXPECT_NEAR(value_named(values, "psnr_y").value, expected["psnr_per_channel"][1].get<double>(), kTolerance);
  EXPECT_EQ(value_named(values, "psnr_u").value, kPsnrCapDb);
  EXPECT_NEAR(value_named(values, "psnr_rgb").value, expected["psnr_per_channel"][1].get<double>(),
              kTolerance);
}

TEST(PsnrMetric, IdenticalVideosGiveTheCap) {
  const testing::VideoPair pair = testing::reference_yuv420_pair();
  const auto values = PsnrMetric().compute(pair.ref, pair.ref, {});
  ASSERT_EQ(values.size(), 10u);
  for (const MetricValue& v : values) {
    EXPECT_TRUE(v.available) << v.name;
    EXPECT_EQ(v.value, kPsnrCapDb) << v.name;
    for (double p : v.per_frame) EXPECT_EQ(p, kPsnrCapDb) << v.name;
    EXPECT_THAT(v.convention, ::testing::HasSubstr("capped at 100 dB")) << v.name;
  }
}

TEST(PsnrMetric, KnownMseGivesExactPsnrAndPoolingDiffers) {
  // Frame 0: every Y sample off by 4 (MSE 16); frame 1: off by 2 (MSE 4); chroma untouched.
  Video ref = video_of(32, 16, kYuv420, 2, 100);
  Video dist = ref;
  for (uint16_t& s : dist.frames[0].planes[0].samples) s = 104;
  for (uint16_t& s : dist.frames[1].planes[0].samples) s = 98;
  const auto values = PsnrMetric().compute(ref, dist, {});
  const double p16 = 10 * std::log10(255.0 * 255.0 / 16);
  const double p4 = 10 * std::log10(255.0 * 255.0 / 4);
  const MetricValue& y = value_named(values, "psnr_y");
  EXPECT_THAT(y.per_frame,
              ::testing::ElementsAre(::testing::DoubleNear(p16, 1e-12), ::testing::DoubleNear(p4, 1e-12)));
  EXPECT_NEAR(y.value, (p16 + p4) / 2, 1e-12);
  EXPECT_NEAR(value_named(values, "psnr_y_msepool").value, 10 * std::log10(255.0 * 255.0 / 10), 1e-12);
  EXPECT_EQ(value_named(values, "psnr_u").value, kPsnrCapDb);
  const MetricValue& yuv = value_named(values, "psnr_yuv611");
  EXPECT_NEAR(yuv.per_frame[0], (6 * p16 + 200) / 8, 1e-12);
}

TEST(PsnrMetric, TenBitPeakIs1020) {
  const PixelFormat yuv10{ChromaFormat::k420, 10, ColourFamily::kYuv};
  Video ref = video_of(16, 16, yuv10, 1, 512);
  Video dist = ref;
  for (uint16_t& s : dist.frames[0].planes[0].samples) s = 515;  // MSE 9
  const auto values = PsnrMetric().compute(ref, dist, {});
  EXPECT_NEAR(value_named(values, "psnr_y").value, 10 * std::log10(1020.0 * 1020.0 / 9), 1e-12);
  EXPECT_THAT(value_named(values, "psnr_y").convention, ::testing::HasSubstr("1020"));
}

TEST(PsnrMetric, RgbOfGreyFullRangeVideoIsTheLumaError) {
  // U = V = 128 in full range: R = G = B = Y, so the RGB MSE is the luma MSE.
  const ColourSpec full601{Matrix::kBt601, Range::kFull};
  Video ref = video_of(8, 8, kYuv420, 1, 128, full601);
  Video dist = ref;
  for (uint16_t& s : ref.frames[0].planes[0].samples) s = 100;
  for (uint16_t& s : dist.frames[0].planes[0].samples) s = 110;
  const auto values = PsnrMetric().compute(ref, dist, {});
  EXPECT_NEAR(value_named(values, "psnr_rgb").value, 10 * std::log10(255.0 * 255.0 / 100), 1e-12);
  EXPECT_THAT(value_named(values, "psnr_rgb").convention, ::testing::HasSubstr("bt601 full"));
}

TEST(PsnrMetric, OptionsSelectValues) {
  const testing::VideoPair pair = testing::reference_yuv420_pair();
  const PsnrMetric metric;
  EXPECT_THAT(names_of(metric.compute(pair.ref, pair.dist, options_for(metric, {{"rgb", "false"}}))),
              ::testing::ElementsAre("psnr_y", "psnr_y_msepool", "psnr_u", "psnr_u_msepool", "psnr_v",
                                     "psnr_v_msepool", "psnr_yuv611", "psnr_yuv611_msepool"));
  EXPECT_THROW(options_for(metric, {{"planes", "y"}}), InputError);
  EXPECT_THROW(options_for(metric, {{"rgb", "yes"}}), InputError);
}

TEST(PsnrMetric, NoFramesIsNotAvailable) {
  const Video empty = video_of(16, 16, kYuv420, 0, 0);
  const auto values = PsnrMetric().compute(empty, empty, {});
  ASSERT_FALSE(values.empty());
  for (const MetricValue& v : values) {
    EXPECT_FALSE(v.available) << v.name;
    EXPECT_TRUE(std::isnan(v.value)) << v.name;
    EXPECT_FALSE(v.reason.empty()) << v.name;
  }
}

}  // namespace
}  // namespace tgvc
