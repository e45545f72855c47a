// GaussianConditional's scale table, build_indexes and CDF table against CompressAI's own values
// (compressai_vectors.h).
#include "codecs/entropy/gaussian_conditional.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "harness/core/error.h"
#include "tests/unit/entropy/compressai_vectors.h"

namespace tgvc::entropy {
namespace {

using testing::compressai_vectors;
using testing::reference_scale_table;
using testing::row_of;
using testing::sha256_of_int32;

const nlohmann::json& gaussian() {
  return compressai_vectors()["gaussian_conditional"];
}

TEST(GaussianConditional, ScaleTableHexMatchesItsDecimals) {
  const std::vector<float> table = reference_scale_table();
  ASSERT_EQ(table.size(), 64u);
  for (size_t k = 0; k < table.size(); ++k)
    EXPECT_EQ(table[k], gaussian()["scale_table"][k].get<double>()) << k;
}

TEST(GaussianConditional, TailMultiplierIsScipysNormPpf) {
  const double expected = gaussian()["multiplier"].get<double>();
  EXPECT_NEAR(gaussian_tail_multiplier(kDefaultTailMass), expected, 1e-14);
  EXPECT_EQ(static_cast<float>(gaussian_tail_multiplier(kDefaultTailMass)), static_cast<float>(expected));
  // Closed forms: Phi^-1(0.975) = 1.959963984540054, Phi^-1(0.841344746068543) = 1.
  EXPECT_NEAR(gaussian_tail_multiplier(0.05), 1.959963984540054, 1e-13);
  EXPECT_NEAR(gaussian_tail_multiplier(2 * 0.158655253931457), 1.0, 1e-12);
  EXPECT_THROW(gaussian_tail_multiplier(0.0), InputError);
  EXPECT_THROW(gaussian_tail_multiplier(1.0), InputError);
}

TEST(GaussianConditional, DefaultTableLengthsOffsetsAndEveryRow) {
  const CdfTable table = gaussian_cdf_table(ScaleTable(reference_scale_table(), kDefaultScaleBound, "test"));
  ASSERT_EQ(table.rows(), 64);
  EXPECT_EQ(table.stride(), gaussian()["quantized_cdf_shape"][1].get<int>());
  EXPECT_EQ(table.cdf_lengths(), gaussian()["cdf_length"].get<std::vector<int32_t>>());
  EXPECT_EQ(table.offsets(), gaussian()["offsets"].get<std::vector<int32_t>>());
  // offsets are -pmf_center, lengths 2 * center + 3
  for (int i = 0; i < 64; ++i) EXPECT_EQ(-table.offset(i), gaussian()["pmf_center"][i].get<int32_t>());
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(row_of(table, i), gaussian()["quantized_cdf_first3_rows"][i].get<std::vector<int32_t>>()) << i;
  }
  for (int i = 0; i < 64; ++i) {
    EXPECT_EQ(sha256_of_int32(row_of(table, i)), gaussian()["quantized_cdf_row_sha256"][i].get<std::string>())
        << "row " << i;
  }
  EXPECT_EQ(sha256_of_int32(table.padded()), gaussian()["quantized_cdf_sha256"].get<std::string>());
  EXPECT_EQ(sha256_of_int32(table.cdf_lengths()), gaussian()["cdf_length_sha256"].get<std::string>());
  EXPECT_EQ(sha256_of_int32(table.offsets()), gaussian()["offsets_sha256"].get<std::string>());
  const std::vector<int32_t> last = row_of(table, 63);
  EXPECT_EQ(std::vector<int32_t>(last.end() - 4, last.end()),
            gaussian()["last_row_tail"].get<std::vector<int32_t>>());
}

TEST(GaussianConditional, BuildIndexesAtTheTableBoundaries) {
  const ScaleTable table(reference_scale_table(), kDefaultScaleBound, "test");
  const nlohmann::json& v = gaussian()["build_indexes"];
  const std::vector<float> scales = v["scales_f32"].get<std::vector<float>>();
  EXPECT_EQ(table.build_indexes(scales), v["indexes"].get<std::vector<int32_t>>());
  // Every table entry maps to itself, the next float up to the next entry, the float below to
  // itself (the smallest k with table[k] >= scale).
  const std::vector<float>& s = table.scales();
  for (int k = 0; k < 64; ++k) {
    EXPECT_EQ(table.index_of(s[k]), k);
    EXPECT_EQ(table.index_of(std::nextafter(s[k], 1e9f)), std::min(k + 1, 63));
    if (k > 0) {
      EXPECT_EQ(table.index_of(std::nextafter(s[k], 0.0f)), k);
    }
  }
  EXPECT_EQ(table.index_of(-5.0f), 0);                                     // raised to the bound
  EXPECT_EQ(table.index_of(std::numeric_limits<float>::quiet_NaN()), 63);  // torch.max keeps NaN
  EXPECT_EQ(table.index_of(std::numeric_limits<float>::infinity()), 63);
}

TEST(GaussianConditional, ScaleTableIsValidated) {
  EXPECT_THROW(ScaleTable({}, 0.11f, "t"), InputError);
  EXPECT_THROW(ScaleTable({0.2f, 0.1f}, 0.11f, "t"), InputError);
  EXPECT_THROW(ScaleTable({0.0f, 0.1f}, 0.11f, "t"), InputError);
  EXPECT_THROW(ScaleTable({std::numeric_limits<float>::quiet_NaN()}, 0.11f, "t"), InputError);
  EXPECT_THROW(ScaleTable({0.2f}, 0.0f, "t"), InputError);
  try {
    ScaleTable({0.5f, 0.25f}, 0.11f, "model.pt");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "model.pt: scale_table[1]");
  }
  EXPECT_NO_THROW(ScaleTable({0.2f, 0.2f, 0.3f}, 0.11f, "t"));  // equal neighbours are allowed
}

}  // namespace
}  // namespace tgvc::entropy
