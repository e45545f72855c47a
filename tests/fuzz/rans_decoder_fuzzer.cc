// Fuzz target for the rANS decoder of the learned codecs (codecs/entropy) with the default
// GaussianConditional table. Any input must decode or raise InputError; what decodes must be a
// string the encoder writes: encoding the decoded symbols gives back the input byte for byte
// (rANS is a bijection between a whole string and its symbols with the final state).
//
// Input: a 4-byte header, then the rANS string.
//   symbols = u16 little-endian (bytes 0-1) % 4097; symbol k uses CDF row (a * k + b) % 64 with
//   a = byte 2, b = byte 3.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "codecs/entropy/gaussian_conditional.h"
#include "codecs/entropy/rans_coder.h"
#include "harness/core/error.h"

namespace {

constexpr size_t kHeaderBytes = 4;
constexpr uint32_t kMaxSymbols = 4096;

// exp(linspace(log 0.11, log 256, 64)) in double: the default table's shape, computed the same way
// on every machine (the fuzzer needs no reference file).
const tgvc::entropy::CdfTable& table() {
  static const tgvc::entropy::CdfTable cdfs = [] {
    std::vector<float> scales;
    for (int k = 0; k < 64; ++k) {
      scales.push_back(
          static_cast<float>(std::exp(std::log(0.11) + k * (std::log(256.0) - std::log(0.11)) / 63)));
    }
    return tgvc::entropy::gaussian_cdf_table(tgvc::entropy::ScaleTable(scales, 0.11f, "fuzz"));
  }();
  return cdfs;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < kHeaderBytes) return 0;
  const uint32_t count = (data[0] | (uint32_t{data[1]} << 8)) % (kMaxSymbols + 1);
  std::vector<int32_t> indexes(count);
  for (uint32_t k = 0; k < count; ++k) indexes[k] = static_cast<int32_t>((data[2] * k + data[3]) % 64);
  const std::vector<uint8_t> string(data + kHeaderBytes, data + size);
  std::vector<int32_t> symbols;
  try {
    symbols = tgvc::entropy::decode_with_indexes(string, indexes, table(), "fuzz rANS string");
  } catch (const tgvc::InputError&) {
    return 0;
  }
  if (symbols.size() != count) __builtin_trap();
  if (tgvc::entropy::encode_with_indexes(symbols, indexes, table()) != string) __builtin_trap();
  return 0;
}
