// EntropyBottleneck's CDFs from a density with formula parameters, against CompressAI's update()
// (compressai_vectors.h), and its indexes and symbols.
#include "codecs/entropy/entropy_bottleneck.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "codecs/entropy/latent_symbols.h"
#include "harness/core/error.h"
#include "tests/unit/entropy/compressai_vectors.h"

namespace tgvc::entropy {
namespace {

const nlohmann::json& bottleneck() {
  return testing::compressai_vectors()["entropy_bottleneck"];
}

// The vectors' parameters, flattened channel-major as in the state_dict.
BottleneckDensity reference_density() {
  const nlohmann::json& p = bottleneck()["parameters_f32"];
  BottleneckDensity density;
  density.channels = 3;
  const auto flatten = [](const nlohmann::json& nested, std::vector<float>& out) {
    const auto walk = [&out](const nlohmann::json& node, const auto& self) -> void {
      if (node.is_array()) {
        for (const auto& child : node) self(child, self);
      } else {
        out.push_back(node.get<float>());
      }
    };
    walk(nested, walk);
  };
  for (const auto& m : p["matrices"]) flatten(m, density.matrices.emplace_back());
  for (const auto& b : p["biases"]) flatten(b, density.biases.emplace_back());
  for (const auto& f : p["factors"]) flatten(f, density.factors.emplace_back());
  return density;
}

std::vector<float> quantiles_of(const nlohmann::json& section) {
  std::vector<float> q;
  for (const auto& channel : section["quantiles_f32_hex"]) {
    for (const auto& hex : channel) q.push_back(testing::float_from_hex(hex.get<std::string>()));
  }
  return q;
}

// The vectors' own check of the flattening: matrices of layer 0 hold ln(expm1(1/10^0.2/3)) +
// 0.05c - 0.02r (one column).
TEST(EntropyBottleneck, ParametersFollowTheirFormula) {
  const BottleneckDensity density = reference_density();
  EXPECT_NO_THROW(density.validate("reference"));
  const double base = std::log(std::expm1(1 / std::pow(10.0, 0.2) / 3));
  for (int c = 0; c < 3; ++c) {
    for (int r = 0; r < 3; ++r) {
      EXPECT_EQ(density.matrices[0][c * 3 + r], static_cast<float>(base + 0.05 * c - 0.02 * r));
    }
  }
}

TEST(EntropyBottleneck, LogitsAndLikelihoodsMatchCompressAi) {
  const BottleneckDensity density = reference_density();
  const nlohmann::json& section = bottleneck()["update_quantiles_false"];
  for (int c = 0; c < 3; ++c) {
    const std::vector<float> logits = bottleneck_logits_cumulative(density, c, {-0.5f, 0.5f, 3.0f});
    for (int k = 0; k < 3; ++k) {
      EXPECT_NEAR(logits[k], section["logits_cumulative_at_[-0.5,0.5,3.0]"][c][k].get<double>(), 2e-6)
          << c << k;
    }
    // Likelihoods of the eval-mode outputs: sigmoid(F(v + 0.5)) - sigmoid(F(v - 0.5)).
    std::vector<float> below;
    std::vector<float> above;
    for (const auto& v : section["eval_forward_outputs"][c]) {
      below.push_back(v.get<float>() - 0.5f);
      above.push_back(v.get<float>() + 0.5f);
    }
    const std::vector<float> lower = bottleneck_logits_cumulative(density, c, below);
    const std::vector<float> upper = bottleneck_logits_cumulative(density, c, above);
    for (size_t k = 0; k < lower.size(); ++k) {
      const double likelihood = 1 / (1 + std::exp(-double{upper[k]})) - 1 / (1 + std::exp(-double{lower[k]}));
      EXPECT_NEAR(likelihood, section["eval_likelihoods"][c][k].get<double>(), 1e-6);
    }
  }
}

TEST(EntropyBottleneck, CdfTableFromInitialQuantilesIsCompressAis) {
  const nlohmann::json& section = bottleneck()["update_quantiles_false"];
  const CdfTable table = bottleneck_cdf_table(reference_density(), quantiles_of(section));
  EXPECT_EQ(table.offsets(), section["offsets"].get<std::vector<int32_t>>());
  EXPECT_EQ(table.cdf_lengths(), section["cdf_length"].get<std::vector<int32_t>>());
  for (int c = 0; c < 3; ++c) {
    EXPECT_EQ(testing::row_of(table, c), section["quantized_cdf_rows"][c].get<std::vector<int32_t>>()) << c;
  }
  EXPECT_EQ(testing::sha256_of_int32(table.padded()), section["quantized_cdf_sha256"].get<std::string>());
}

TEST(EntropyBottleneck, CdfTableFromBisectedQuantilesIsCompressAis) {
  // Quantiles 200 apart: rows of 418, 343 and 282 entries, the tail taken at the longest row.
  const nlohmann::json& section = bottleneck()["update_quantiles_true"];
  const CdfTable table = bottleneck_cdf_table(reference_density(), quantiles_of(section));
  EXPECT_EQ(table.offsets(), section["offsets"].get<std::vector<int32_t>>());
  EXPECT_EQ(table.cdf_lengths(), section["cdf_length"].get<std::vector<int32_t>>());
  for (int c = 0; c < 3; ++c) {
    EXPECT_EQ(testing::row_of(table, c), section["quantized_cdf_rows"][c].get<std::vector<int32_t>>()) << c;
  }
  EXPECT_EQ(testing::sha256_of_int32(table.padded()), section["quantized_cdf_sha256"].get<std::string>());
}

TEST(EntropyBottleneck, IndexesAreChannelNumbersAndSymbolsAreRelativeToTheMedian) {
  EXPECT_EQ(bottleneck_indexes(3, 2), (std::vector<int32_t>{0, 0, 1, 1, 2, 2}));
  EXPECT_TRUE(bottleneck_indexes(4, 0).empty());
  // torch.round rounds halves to even.
  const float median = 3.3456830978393555f;
  EXPECT_EQ(quantize_symbol(median + 2.5f, median), 2);
  EXPECT_EQ(quantize_symbol(0.5f, 0.0f), 0);
  EXPECT_EQ(quantize_symbol(1.5f, 0.0f), 2);
  EXPECT_EQ(quantize_symbol(-2.5f, 0.0f), -2);
  EXPECT_EQ(quantize_symbol(-2.6f, 0.0f), -3);
  // The vectors' eval forward: round(z - median) + median for z = 0, 1, -2, 3.4.
  const nlohmann::json& section = bottleneck()["update_quantiles_true"];
  const std::vector<float> z = section["eval_forward_input_z"].get<std::vector<float>>();
  for (int c = 0; c < 3; ++c) {
    const float m = section["medians"][c].get<float>();
    for (size_t k = 0; k < z.size(); ++k) {
      EXPECT_EQ(dequantize_symbol(quantize_symbol(z[k], m), m),
                section["eval_forward_outputs"][c][k].get<float>());
    }
  }
  EXPECT_THROW(quantize_symbol(std::numeric_limits<float>::quiet_NaN(), 0), InputError);
  EXPECT_THROW(quantize_symbol(3e9f, 0), InputError);
  EXPECT_EQ(quantize_symbol(-2147483648.0f, 0), std::numeric_limits<int32_t>::min());
}

TEST(EntropyBottleneck, BadParametersAndQuantilesAreInputErrors) {
  BottleneckDensity density = reference_density();
  density.biases[2].pop_back();
  try {
    density.validate("model.pt");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "model.pt: biases.2");
  }
  density = reference_density();
  density.factors.pop_back();
  EXPECT_THROW(density.validate("model.pt"), InputError);
  EXPECT_THROW(bottleneck_cdf_table(reference_density(), {0, 1, 2}), InputError);
  std::vector<float> wide = {-1e9f, 0, 1e9f, -1, 0, 1, -1, 0, 1};
  EXPECT_THROW(bottleneck_cdf_table(reference_density(), wide), InputError);
  EXPECT_THROW(bottleneck_logits_cumulative(reference_density(), 3, {0.0f}), InputError);
}

}  // namespace
}  // namespace tgvc::entropy
