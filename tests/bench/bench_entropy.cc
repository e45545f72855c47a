// Speed of the CompressAI-compatible entropy coder (codecs/entropy): symbols per second for rANS
// encoding and decoding and for build_indexes, on a latent the size of a hyperprior's y for one
// 512x320 frame (192 channels of 32x20 = 122880 symbols), scales spread over the whole default
// table and symbols drawn from their Gaussians; and the same with 10% of the symbols escaping to
// the bypass path.
#include <benchmark/benchmark.h>

#include <cmath>

#include "codecs/entropy/gaussian_conditional.h"
#include "codecs/entropy/rans_coder.h"
#include "harness/core/lcg.h"

namespace tgvc::entropy {
namespace {

constexpr size_t kSymbols = 192 * 32 * 20;

// exp(linspace(log 0.11, log 256, 64)) in double, cast: close to (not bit-equal to) torch's table.
ScaleTable scale_table() {
  std::vector<float> scales;
  for (int k = 0; k < 64; ++k)
    scales.push_back(
        static_cast<float>(std::exp(std::log(0.11) + k * (std::log(256.0) - std::log(0.11)) / 63)));
  return ScaleTable(scales, kDefaultScaleBound, "bench");
}

struct Latent {
  std::vector<float> scales;
  std::vector<int32_t> indexes;
  std::vector<int32_t> symbols;
};

Latent make_latent(const ScaleTable& table, const CdfTable& cdfs, int escape_percent) {
  Lcg lcg(31);
  Latent latent;
  for (size_t k = 0; k < kSymbols; ++k) {
    // Log-uniform scales; a standard normal by Box-Muller.
    const float scale = static_cast<float>(0.11 * std::pow(256 / 0.11, lcg.uniform()));
    const double u1 = (lcg.next() + 1) / 65537.0, u2 = lcg.uniform();
    const double normal = std::sqrt(-2 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    latent.scales.push_back(scale);
    const int32_t index = table.index_of(scale);
    latent.indexes.push_back(index);
    int32_t symbol = static_cast<int32_t>(std::lround(normal * scale));
    if (static_cast<int>(lcg.next() % 100) < escape_percent)
      symbol = cdfs.offset(index) - 1 - lcg.next() % 1000;
    latent.symbols.push_back(symbol);
  }
  return latent;
}

const ScaleTable& table() {
  static const ScaleTable t = scale_table();
  return t;
}
const CdfTable& cdfs() {
  static const CdfTable c = gaussian_cdf_table(table());
  return c;
}

void BM_RansEncode(benchmark::State& state) {
  const Latent latent = make_latent(table(), cdfs(), static_cast<int>(state.range(0)));
  size_t bytes = 0;
  for (auto _ : state) {
    const std::vector<uint8_t> string = encode_with_indexes(latent.symbols, latent.indexes, cdfs());
    bytes = string.size();
    benchmark::DoNotOptimize(string.data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
  state.counters["symbols/s"] =
      benchmark::Counter(static_cast<double>(kSymbols), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_RansEncode)->Arg(0)->Arg(10)->ArgName("escape_percent")->Unit(benchmark::kMillisecond);

void BM_RansDecode(benchmark::State& state) {
  const Latent latent = make_latent(table(), cdfs(), static_cast<int>(state.range(0)));
  const std::vector<uint8_t> string = encode_with_indexes(latent.symbols, latent.indexes, cdfs());
  for (auto _ : state) {
    const std::vector<int32_t> symbols = decode_with_indexes(string, latent.indexes, cdfs(), "bench");
    benchmark::DoNotOptimize(symbols.data());
  }
  state.counters["symbols/s"] =
      benchmark::Counter(static_cast<double>(kSymbols), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_RansDecode)->Arg(0)->Arg(10)->ArgName("escape_percent")->Unit(benchmark::kMillisecond);

void BM_BuildIndexes(benchmark::State& state) {
  const Latent latent = make_latent(table(), cdfs(), 0);
  std::vector<int32_t> indexes(kSymbols);
  for (auto _ : state) {
    table().build_indexes(latent.scales.data(), kSymbols, indexes.data());
    benchmark::DoNotOptimize(indexes.data());
  }
  state.counters["symbols/s"] =
      benchmark::Counter(static_cast<double>(kSymbols), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_BuildIndexes)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tgvc::entropy
