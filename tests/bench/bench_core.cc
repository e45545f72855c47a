// Colour conversion of a 512x320 8-bit RGB frame: the importance step converts every frame of a
// clip to YUV 4:4:4 for the embedder. The cost does not depend on the samples (no branch per
// sample), so a seeded random frame stands for a real one.
// Run: build/<dir>/tests/bench_core (docs/performance.md, "T-GVC encoder").
#include <benchmark/benchmark.h>

#include "harness/core/colour.h"
#include "harness/core/lcg.h"

namespace tgvc {
namespace {

void BM_RgbToYuv512x320(benchmark::State& state, ChromaFormat chroma) {
  Frame rgb = Frame::allocate(512, 320, {ChromaFormat::k444, 8, ColourFamily::kRgb});
  Lcg lcg(1);
  for (Plane& p : rgb.planes) {
    for (uint16_t& s : p.samples) s = static_cast<uint16_t>(lcg.next() & 255);
  }
  const ColourSpec spec{Matrix::kBt709, Range::kLimited};
  for (auto _ : state) benchmark::DoNotOptimize(rgb_to_yuv(rgb, spec, chroma));
  state.counters["pixels"] = benchmark::Counter(512.0 * 320, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK_CAPTURE(BM_RgbToYuv512x320, yuv444, ChromaFormat::k444)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_RgbToYuv512x320, yuv420, ChromaFormat::k420)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tgvc
