#include "harness/metrics/ssim_kernels.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "harness/core/lcg.h"
#include "tests/unit/metrics/reference_inputs.h"

namespace tgvc {
namespace {

using testing::reference_image_pair;
using testing::reference_vectors;

constexpr double kTolerance = 1e-9;  // README: double-precision code

struct Case {
  const char* key;
  int width;
  int height;
};
constexpr Case kCases[] = {{"img_even_3x192x256", 256, 192}, {"img_odd_3x181x203", 203, 181}};

DoubleImage channel(const Frame& frame, int c) {
  return DoubleImage::from_plane(frame.planes[c]);
}

TEST(ReferenceInputs, MatchTheReadmeChecksums) {
  for (const Case& k : kCases) {
    const auto& expected = reference_vectors()["images"][k.key];
    const testing::ImagePair pair = reference_image_pair(k.width, k.height);
    int64_t ref_sum = 0, dist_sum = 0;
    for (int c = 0; c < 3; ++c) {
      for (uint16_t v : pair.ref.planes[c].samples) ref_sum += v;
      for (uint16_t v : pair.dist.planes[c].samples) dist_sum += v;
    }
    EXPECT_EQ(ref_sum, expected["ref_sum"].get<int64_t>()) << k.key;
    EXPECT_EQ(dist_sum, expected["dist_sum"].get<int64_t>()) << k.key;
    for (int i = 0; i < 8; ++i) {
      EXPECT_EQ(pair.ref.planes[0].samples[i], expected["ref_first8"][i].get<int>()) << k.key;
      EXPECT_EQ(pair.dist.planes[0].samples[i], expected["dist_first8"][i].get<int>()) << k.key;
    }
  }
}

TEST(SsimKernels, VainfLevelsMatchReference) {
  for (const Case& k : kCases) {
    const auto& expected = reference_vectors()["images"][k.key];
    const testing::ImagePair pair = reference_image_pair(k.width, k.height);
    double msssim_sum = 0, ssim_sum = 0;
    for (int c = 0; c < 3; ++c) {
      const SsimResult r =
          msssim_channel(channel(pair.ref, c), channel(pair.dist, c), 255, SsimConvention::kVainf);
      ASSERT_TRUE(r.available) << r.reason;
      ASSERT_EQ(r.levels.size(), 5u);
      for (int level = 0; level < 5; ++level) {
        const auto& e = expected["levels_vainf"][level];
        EXPECT_NEAR(r.levels[level].ssim, e["ssim_per_ch"][c].get<double>(), kTolerance)
            << k.key << " " << level;
        EXPECT_NEAR(r.levels[level].cs, e["cs_per_ch"][c].get<double>(), kTolerance) << k.key << " " << level;
      }
      EXPECT_NEAR(r.value, expected["msssim_vainf_per_channel"][c].get<double>(), kTolerance) << k.key;
      msssim_sum += r.value;
      const SsimResult s =
          ssim_channel(channel(pair.ref, c), channel(pair.dist, c), 255, SsimConvention::kVainf);
      ASSERT_TRUE(s.available);
      ssim_sum += s.value;
    }
    EXPECT_NEAR(msssim_sum / 3, expected["msssim_vainf"].get<double>(), kTolerance) << k.key;
    EXPECT_NEAR(ssim_sum / 3, expected["ssim_vainf"].get<double>(), kTolerance) << k.key;
  }
}

TEST(SsimKernels, VainfScaleShapesFollowAvgPoolPadding) {
  for (const Case& k : kCases) {
    const auto& expected = reference_vectors()["images"][k.key]["levels_vainf"];
    DoubleImage image;
    image.width = k.width;
    image.height = k.height;
    image.samples.assign(static_cast<size_t>(k.width) * k.height, 1.0);
    for (int level = 0; level < 5; ++level) {
      EXPECT_EQ(image.height, expected[level]["shape"][0].get<int>()) << k.key << " " << level;
      EXPECT_EQ(image.width, expected[level]["shape"][1].get<int>()) << k.key << " " << level;
      image = downsample_2x(image, SsimConvention::kVainf);
    }
  }
}

TEST(SsimKernels, DcvcMatchesReferenceOnEvenImage) {
  const auto& expected = reference_vectors()["images"]["img_even_3x192x256"];
  const testing::ImagePair pair = reference_image_pair(256, 192);
  double sum = 0;
  for (int c = 0; c < 3; ++c) {
    const SsimResult r =
        msssim_channel(channel(pair.ref, c), channel(pair.dist, c), 255, SsimConvention::kDcvc);
    ASSERT_TRUE(r.available) << r.reason;
    EXPECT_NEAR(r.value, expected["msssim_dcvc_per_channel"][c].get<double>(), kTolerance) << c;
    sum += r.value;
  }
  EXPECT_NEAR(sum / 3, expected["msssim_dcvc_rgb"].get<double>(), kTolerance);
}

TEST(SsimKernels, DownsampleOddSidesByConvention) {
  // 3x1 image [1 2 3]: avg_pool pads to [0 1 2 3 0] and counts the padding; the DCVC box repeats 3.
  DoubleImage image;
  image.width = 3;
  image.height = 1;
  image.samples = {1, 2, 3};
  const DoubleImage vainf = downsample_2x(image, SsimConvention::kVainf);
  ASSERT_EQ(vainf.width, 2);
  ASSERT_EQ(vainf.height, 1);
  // Rows: height 1 is odd too, so each output averages one real row and one zero row.
  EXPECT_DOUBLE_EQ(vainf.at(0, 0), (0 + 1 + 0 + 0) / 4.0);
  EXPECT_DOUBLE_EQ(vainf.at(1, 0), (2 + 3 + 0 + 0) / 4.0);
  const DoubleImage dcvc = downsample_2x(image, SsimConvention::kDcvc);
  ASSERT_EQ(dcvc.width, 2);
  ASSERT_EQ(dcvc.height, 1);
  EXPECT_DOUBLE_EQ(dcvc.at(0, 0), (1 + 2 + 1 + 2) / 4.0);
  EXPECT_DOUBLE_EQ(dcvc.at(1, 0), (3 + 3 + 3 + 3) / 4.0);
}

TEST(SsimKernels, GaussianTapsAreNormalisedAndConventionsDifferOnlyByRounding) {
  const std::vector<double> vainf = ssim_gaussian_taps(SsimConvention::kVainf);
  const std::vector<double> dcvc = ssim_gaussian_taps(SsimConvention::kDcvc);
  ASSERT_EQ(vainf.size(), 11u);
  double sum = 0;
  for (size_t i = 0; i < dcvc.size(); ++i) {
    sum += dcvc[i];
    EXPECT_DOUBLE_EQ(dcvc[i], dcvc[10 - i]);
    EXPECT_NEAR(vainf[i], dcvc[i], 1e-7);
    EXPECT_EQ(static_cast<double>(static_cast<float>(vainf[i])), vainf[i]) << "float32 tap " << i;
  }
  EXPECT_NEAR(sum, 1.0, 1e-15);
  EXPECT_NEAR(dcvc[5], 0.2660117249, 1e-10);  // 1 / sum_k exp(-k^2 / 4.5)
}

TEST(SsimKernels, SeparableFilterMatchesDirectWindowOnRandomImages) {
  Lcg lcg(99);
  for (const auto& [w, h] : {std::pair{11, 11}, std::pair{37, 19}, std::pair{64, 23}}) {
    DoubleImage x, y;
    x.width = y.width = w;
    x.height = y.height = h;
    for (int i = 0; i < w * h; ++i) {
      x.samples.push_back(lcg.next() % 1024);
      y.samples.push_back(lcg.next() % 1024);
    }
    const std::vector<double> taps = ssim_gaussian_taps(SsimConvention::kVainf);
    const SsimScaleStats fast = ssim_stats(x, y, taps, 1020);
    const SsimScaleStats slow = ssim_stats_reference(x, y, taps, 1020);
    EXPECT_NEAR(fast.ssim, slow.ssim, 1e-12) << w << "x" << h;
    EXPECT_NEAR(fast.cs, slow.cs, 1e-12) << w << "x" << h;
    EXPECT_LT(fast.ssim, 0.5);  // independent noise images are far from identical
  }
}

TEST(SsimKernels, PlaneAndDoubleInputsGiveIdenticalNumbers) {
  const testing::ImagePair pair = reference_image_pair(203, 181);
  const Plane& a = pair.ref.planes[2];
  const Plane& b = pair.dist.planes[2];
  for (SsimConvention c : {SsimConvention::kVainf, SsimConvention::kDcvc}) {
    const SsimResult from_planes = msssim_channel(a, b, 255, c);
    const SsimResult from_doubles =
        msssim_channel(DoubleImage::from_plane(a), DoubleImage::from_plane(b), 255, c);
    ASSERT_TRUE(from_planes.available && from_doubles.available);
    EXPECT_EQ(from_planes.value, from_doubles.value);
    for (size_t level = 0; level < from_planes.levels.size(); ++level) {
      EXPECT_EQ(from_planes.levels[level].ssim, from_doubles.levels[level].ssim) << level;
      EXPECT_EQ(from_planes.levels[level].cs, from_doubles.levels[level].cs) << level;
    }
    EXPECT_EQ(ssim_channel(a, b, 255, c).value,
              ssim_channel(DoubleImage::from_plane(a), DoubleImage::from_plane(b), 255, c).value);
  }
}

TEST(SsimKernels, IdenticalImagesGiveOne) {
  const testing::ImagePair pair = reference_image_pair(203, 181);
  for (SsimConvention c : {SsimConvention::kVainf, SsimConvention::kDcvc}) {
    const SsimResult r = msssim_channel(channel(pair.ref, 1), channel(pair.ref, 1), 255, c);
    ASSERT_TRUE(r.available) << r.reason;
    EXPECT_NEAR(r.value, 1.0, 1e-12);
  }
}

TEST(SsimKernels, TooSmallImagesAreNotAvailable) {
  DoubleImage small;
  small.width = 200;
  small.height = 160;
  small.samples.assign(200 * 160, 7.0);
  const SsimResult vainf = msssim_channel(small, small, 255, SsimConvention::kVainf);
  EXPECT_FALSE(vainf.available);
  EXPECT_NE(vainf.reason.find("160"), std::string::npos) << vainf.reason;
  // DCVC falls back to 4 scales between 88 and 175 pixels.
  const SsimResult dcvc = msssim_channel(small, small, 255, SsimConvention::kDcvc);
  ASSERT_TRUE(dcvc.available) << dcvc.reason;
  EXPECT_EQ(dcvc.levels.size(), 4u);
  DoubleImage tiny;
  tiny.width = 10;
  tiny.height = 40;
  tiny.samples.assign(400, 1.0);
  EXPECT_FALSE(ssim_channel(tiny, tiny, 255, SsimConvention::kVainf).available);
  EXPECT_FALSE(msssim_channel(tiny, tiny, 255, SsimConvention::kDcvc).available);
}

// Straight from the definitions: avg_pool2d over a zero-padded image; DCVC's box over a replicated one.
double naive_downsample(const DoubleImage& in, SsimConvention c, int ox, int oy) {
  const int px = c == SsimConvention::kVainf ? in.width % 2 : 0;
  const int py = c == SsimConvention::kVainf ? in.height % 2 : 0;
  double sum = 0;
  for (int dy = 0; dy < 2; ++dy) {
    for (int dx = 0; dx < 2; ++dx) {
      int sx = 2 * ox - px + dx, sy = 2 * oy - py + dy;
      if (c == SsimConvention::kDcvc) {
        sum += in.at(std::min(sx, in.width - 1), std::min(sy, in.height - 1));
      } else if (sx >= 0 && sy >= 0 && sx < in.width && sy < in.height) {
        sum += in.at(sx, sy);
      }
    }
  }
  return sum / 4;
}

TEST(SsimKernels, DownsampleMatchesDefinitionOnRandomSizes) {
  Lcg lcg(5);
  for (const auto& [w, h] :
       {std::pair{1, 1}, std::pair{2, 3}, std::pair{5, 7}, std::pair{8, 6}, std::pair{13, 4}}) {
    DoubleImage in;
    in.width = w;
    in.height = h;
    for (int i = 0; i < w * h; ++i) in.samples.push_back(lcg.next() % 256);
    for (SsimConvention c : {SsimConvention::kVainf, SsimConvention::kDcvc}) {
      const DoubleImage out = downsample_2x(in, c);
      ASSERT_EQ(out.width, (w + 1) / 2);  // both conventions round up
      ASSERT_EQ(out.height, (h + 1) / 2);
      for (int oy = 0; oy < out.height; ++oy) {
        for (int ox = 0; ox < out.width; ++ox) {
          EXPECT_DOUBLE_EQ(out.at(ox, oy), naive_downsample(in, c, ox, oy))
              << w << "x" << h << " " << ox << "," << oy;
        }
      }
    }
  }
}

}  // namespace
}  // namespace tgvc
