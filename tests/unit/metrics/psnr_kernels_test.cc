#include "harness/metrics/psnr_kernels.h"

#include <cmath>

#include <gtest/gtest.h>

#include "harness/core/lcg.h"
#include "harness/metrics/psnr_pooling.h"
#include "tests/unit/metrics/reference_inputs.h"

namespace tgvc {
namespace {

constexpr double kTolerance = 1e-9;

TEST(PsnrKernels, FastSumMatchesScalarLoopForEveryBitDepth) {
  Lcg lcg(7);
  // Long enough to cross the uint32 chunk boundary of every bit depth (66051 samples at 8 bits).
  const size_t count = 200003;
  for (int depth = 1; depth <= 16; ++depth) {
    const uint32_t mask = (1u << depth) - 1;
    std::vector<uint16_t> a(count), b(count);
    for (size_t i = 0; i < count; ++i) {
      a[i] = static_cast<uint16_t>(lcg.next() & mask);
      b[i] = static_cast<uint16_t>(lcg.next() & mask);
    }
    EXPECT_EQ(sum_squared_error(a.data(), b.data(), count, depth),
              sum_squared_error_reference(a.data(), b.data(), count))
        << depth << "-bit";
  }
}

TEST(PsnrKernels, ExtremeDifferencesDoNotOverflow) {
  const size_t count = 300007;
  for (int depth : {8, 10, 12, 15, 16}) {
    const uint16_t max = static_cast<uint16_t>((1u << depth) - 1);
    std::vector<uint16_t> a(count, max), b(count, 0);
    const uint64_t expected = static_cast<uint64_t>(count) * max * max;
    EXPECT_EQ(sum_squared_error(a.data(), b.data(), count, depth), expected) << depth;
    EXPECT_EQ(sum_squared_error(b.data(), a.data(), count, depth), expected) << depth;
  }
}

TEST(PsnrKernels, PeakFollowsTheShiftConvention) {
  EXPECT_EQ(psnr_peak(8), 255.0);
  EXPECT_EQ(psnr_peak(10), 1020.0);  // not 1023
  EXPECT_EQ(psnr_peak(12), 4080.0);
  EXPECT_EQ(psnr_peak(16), 65280.0);
}

TEST(PsnrKernels, ZeroMseIsCappedAtOneHundredDb) {
  EXPECT_EQ(psnr_from_mse(0, 255), kPsnrCapDb);
  EXPECT_EQ(psnr_from_mse(1e-12, 255), kPsnrCapDb);
  EXPECT_DOUBLE_EQ(psnr_from_mse(1, 255), 20 * std::log10(255.0));
  EXPECT_DOUBLE_EQ(psnr_from_mse(255.0 * 255.0, 255), 0.0);
}

TEST(PsnrKernels, ReferenceImagesPooledAndPerChannel) {
  struct Case {
    const char* key;
    int width, height;
  };
  for (const Case& k : {Case{"img_even_3x192x256", 256, 192}, Case{"img_odd_3x181x203", 203, 181}}) {
    const auto& expected = testing::reference_vectors()["images"][k.key];
    const testing::ImagePair pair = testing::reference_image_pair(k.width, k.height);
    uint64_t total = 0;
    std::vector<double> per_channel;
    for (int c = 0; c < 3; ++c) {
      const uint64_t sse = plane_sum_squared_error(pair.ref.planes[c], pair.dist.planes[c], 8);
      total += sse;
      const double psnr = psnr_from_mse(static_cast<double>(sse) / (k.width * k.height), 255);
      EXPECT_NEAR(psnr, expected["psnr_per_channel"][c].get<double>(), kTolerance)
          << k.key << " channel " << c;
      per_channel.push_back(psnr);
    }
    const double mse = static_cast<double>(total) / (3.0 * k.width * k.height);
    EXPECT_NEAR(mse, expected["mse_rgb"].get<double>(), kTolerance) << k.key;
    EXPECT_NEAR(psnr_from_mse(mse, 255), expected["psnr_rgb_pooled"].get<double>(), kTolerance) << k.key;
    EXPECT_NEAR(mean_of(per_channel), expected["psnr_rgb_mean_of_channels"].get<double>(), kTolerance)
        << k.key;
  }
}

TEST(PsnrKernels, YuvFramesMseAndWeightings) {
  const auto& expected = testing::reference_vectors()["yuv420_2frames_64x48"];
  const testing::VideoPair pair = testing::reference_yuv420_pair();
  const char* planes[] = {"Y", "U", "V"};
  std::vector<double> hm_mse;
  for (int f = 0; f < 2; ++f) {
    const auto& e = expected["frames"][f];
    double mse[3], psnr[3];
    for (int p = 0; p < 3; ++p) {
      const Plane& a = pair.ref.frames[f].planes[p];
      const Plane& b = pair.dist.frames[f].planes[p];
      int64_t ref_sum = 0, dist_sum = 0;
      for (uint16_t v : a.samples) ref_sum += v;
      for (uint16_t v : b.samples) dist_sum += v;
      ASSERT_EQ(ref_sum, e["sums_ref_YUV"][p].get<int64_t>()) << "input rebuilt wrongly, frame " << f;
      ASSERT_EQ(dist_sum, e["sums_dist_YUV"][p].get<int64_t>()) << "input rebuilt wrongly, frame " << f;
      mse[p] = static_cast<double>(plane_sum_squared_error(a, b, 8)) / (a.width * a.height);
      psnr[p] = psnr_from_mse(mse[p], 255);
      EXPECT_NEAR(mse[p], e[std::string("mse_") + planes[p]].get<double>(), kTolerance) << f << planes[p];
      EXPECT_NEAR(psnr[p], e[std::string("psnr_") + planes[p]].get<double>(), kTolerance) << f << planes[p];
    }
    EXPECT_NEAR(yuv611_psnr(psnr[0], psnr[1], psnr[2]), e["psnr_yuv_611"].get<double>(), kTolerance) << f;
    EXPECT_NEAR(yuv411_psnr(psnr[0], psnr[1], psnr[2]), e["psnr_yuv_411"].get<double>(), kTolerance) << f;
    hm_mse.push_back(sample_weighted_mse(mse[0], mse[1], mse[2], 64 * 48, 32 * 24, 32 * 24));
  }
  EXPECT_NEAR(psnr_of_mean_mse(hm_mse, 255),
              expected["aggregate"]["hm_yuv_psnr (4:1:1 MSE-weighted, frame-averaged MSE)"].get<double>(),
              kTolerance);
}

TEST(PsnrPooling, MeansAndWeights) {
  EXPECT_TRUE(std::isnan(mean_of({})));
  EXPECT_DOUBLE_EQ(mean_of({1, 2, 6}), 3.0);
  EXPECT_DOUBLE_EQ(yuv611_psnr(40, 32, 24), (240.0 + 32 + 24) / 8);
  EXPECT_DOUBLE_EQ(yuv411_psnr(40, 32, 24), (160.0 + 32 + 24) / 6);
  // 4:4:4 weights the three planes equally.
  EXPECT_DOUBLE_EQ(sample_weighted_mse(3, 6, 9, 100, 100, 100), 6.0);
  EXPECT_DOUBLE_EQ(psnr_of_mean_mse({1, 3}, 255), psnr_from_mse(2, 255));
  EXPECT_EQ(psnr_of_mean_mse({0, 0}, 255), kPsnrCapDb);
}

}  // namespace
}  // namespace tgvc
