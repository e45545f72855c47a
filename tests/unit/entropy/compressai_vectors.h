// The `compressai_entropy` section of the reference vectors (tests/data/compressai_entropy.json,
// copied from ../shared/reference/vectors.json; its README explains each field), computed with
// CompressAI's own Python models and C++ coder, and helpers to read it.
#pragma once

#include <cstdint>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "codecs/entropy/cdf_table.h"
#include "harness/core/sha256.h"

namespace tgvc::entropy::testing {

inline const nlohmann::json& compressai_vectors() {
  static const nlohmann::json vectors = [] {
    std::ifstream in(std::string(TGVC_TEST_DATA_DIR) + "/compressai_entropy.json");
    EXPECT_TRUE(in) << "tests/data/compressai_entropy.json";
    return nlohmann::json::parse(in);
  }();
  return vectors;
}

// A float32 from the big-endian hex of its bit pattern ("3de147ae").
inline float float_from_hex(const std::string& hex) {
  const uint32_t bits = static_cast<uint32_t>(std::stoul(hex, nullptr, 16));
  float value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

inline std::vector<float> floats_from_hex(const nlohmann::json& hexes) {
  std::vector<float> values;
  for (const auto& hex : hexes) values.push_back(float_from_hex(hex.get<std::string>()));
  return values;
}

// The reference's hash convention: SHA-256 over little-endian int32 values.
inline std::string sha256_of_int32(const int32_t* values, size_t count) {
  Sha256 hash;
  for (size_t k = 0; k < count; ++k) {
    const uint32_t v = static_cast<uint32_t>(values[k]);
    const uint8_t bytes[4] = {static_cast<uint8_t>(v), static_cast<uint8_t>(v >> 8),
                              static_cast<uint8_t>(v >> 16), static_cast<uint8_t>(v >> 24)};
    hash.update(bytes, 4);
  }
  return hash.hex_digest();
}
inline std::string sha256_of_int32(const std::vector<int32_t>& values) {
  return sha256_of_int32(values.data(), values.size());
}

inline std::vector<int32_t> row_of(const CdfTable& table, int i) {
  return std::vector<int32_t>(table.row(i), table.row(i) + table.cdf_length(i));
}

// The default GaussianConditional table of the vectors: the exact float32 scale table.
inline std::vector<float> reference_scale_table() {
  return floats_from_hex(compressai_vectors()["gaussian_conditional"]["scale_table_f32_hex"]);
}

}  // namespace tgvc::entropy::testing
