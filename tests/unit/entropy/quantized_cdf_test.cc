// pmf_to_quantized_cdf against CompressAI's outputs and against the properties every CDF it
// returns must have.
#include "codecs/entropy/quantized_cdf.h"

#include <limits>

#include <gtest/gtest.h>

#include "harness/core/error.h"
#include "harness/core/lcg.h"
#include "tests/unit/entropy/compressai_vectors.h"

namespace tgvc::entropy {
namespace {

TEST(PmfToQuantizedCdf, CompressAiCases) {
  const nlohmann::json& cases = testing::compressai_vectors()["pmf_to_quantized_cdf"]["cases"];
  ASSERT_EQ(cases.size(), 3u);
  for (const auto& c : cases) {
    const std::vector<float> pmf = testing::floats_from_hex(c["pmf_f32_hex"]);
    EXPECT_EQ(pmf, c["pmf_f32"].get<std::vector<float>>());
    EXPECT_EQ(pmf_to_quantized_cdf(pmf, c["precision"].get<int>()), c["cdf"].get<std::vector<int32_t>>())
        << c["description"].get<std::string>();
  }
}

TEST(PmfToQuantizedCdf, StealsFromTheSmallestFrequencyAboveOne) {
  // Counts 0, 3, 2, 65531 at precision 16: symbol 0 takes one count from symbol 2 (frequency 2,
  // the smallest above 1), so the entries between them rise by one.
  const float unit = 1.0f / 65536;
  EXPECT_EQ(pmf_to_quantized_cdf({0, 3 * unit, 2 * unit, 65531 * unit}),
            (std::vector<int32_t>{0, 1, 4, 5, 65536}));
  // A zero after the donor: the entries from the donor up to it fall by one.
  EXPECT_EQ(pmf_to_quantized_cdf({2 * unit, 65534 * unit, 0}), (std::vector<int32_t>{0, 1, 65535, 65536}));
  // Ties go to the lowest index.
  EXPECT_EQ(pmf_to_quantized_cdf({3 * unit, 3 * unit, 65530 * unit, 0}),
            (std::vector<int32_t>{0, 2, 5, 65535, 65536}));
}

TEST(PmfToQuantizedCdf, RoundsInFloat32HalfAwayFromZero) {
  // 0.5 / 65536 rounds up to one count, which the rescaling by the total 65537 takes away again.
  EXPECT_EQ(pmf_to_quantized_cdf({0.5f / 65536, 1.0f}), (std::vector<int32_t>{0, 1, 65536}));
  EXPECT_EQ(pmf_to_quantized_cdf({1.0f, 1.0f}), (std::vector<int32_t>{0, 32768, 65536}));
  // Unnormalised pmfs are rescaled by the integer total: counts 65536 and 131072.
  EXPECT_EQ(pmf_to_quantized_cdf({1.0f, 2.0f}), (std::vector<int32_t>{0, 21845, 65536}));
}

TEST(PmfToQuantizedCdf, RandomPmfsGiveValidCdfs) {
  Lcg lcg(12);
  for (int trial = 0; trial < 200; ++trial) {
    const size_t n = 2 + lcg.next() % 300;
    std::vector<float> pmf(n);
    for (float& p : pmf) {
      const uint32_t r = lcg.next();
      p = r % 4 == 0 ? 0.0f : static_cast<float>(r) / (r % 3 == 0 ? 65536.0f * 65536.0f : 65536.0f);
    }
    pmf[lcg.next() % n] = 0.5f;
    const std::vector<int32_t> cdf = pmf_to_quantized_cdf(pmf);
    ASSERT_EQ(cdf.size(), n + 1);
    EXPECT_EQ(cdf.front(), 0);
    EXPECT_EQ(cdf.back(), 65536);
    for (size_t k = 1; k < cdf.size(); ++k)
      ASSERT_LT(cdf[k - 1], cdf[k]) << "trial " << trial << " entry " << k;
  }
}

TEST(PmfToQuantizedCdf, BadPmfsAreInputErrors) {
  EXPECT_THROW(pmf_to_quantized_cdf({}), InputError);
  EXPECT_THROW(pmf_to_quantized_cdf({0.5f, -0.1f}), InputError);
  EXPECT_THROW(pmf_to_quantized_cdf({0.5f, std::numeric_limits<float>::quiet_NaN()}), InputError);
  EXPECT_THROW(pmf_to_quantized_cdf({0.5f, std::numeric_limits<float>::infinity()}), InputError);
  EXPECT_THROW(pmf_to_quantized_cdf({0.0f, 0.0f}), InputError);
  EXPECT_THROW(pmf_to_quantized_cdf({1e30f}), InputError);                // a count past 2^32
  EXPECT_THROW(pmf_to_quantized_cdf({60000.0f, 60000.0f}), InputError);   // counts summing past 2^32
  EXPECT_THROW(pmf_to_quantized_cdf({0.5f, 0.5f, 0.0f}, 1), InputError);  // 3 symbols, 2 counts
  EXPECT_THROW(pmf_to_quantized_cdf({1.0f}, 0), InputError);
  try {
    pmf_to_quantized_cdf({0.5f, -1.0f}, 16, "model.pt: channel 3");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "model.pt: channel 3: pmf[1]");
  }
}

}  // namespace
}  // namespace tgvc::entropy
