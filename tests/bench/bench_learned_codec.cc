// Speed of the learned codec on one 512x320 frame (encode, which runs the synthesis too, then
// decode) with a wide export in MS-ILLM's stage structure (make_exports.py wide: 256 channels,
// M 220, N 128; about 24 GMAC per analysis or synthesis, MS-ILLM's decoder about 110), and the
// share of that time spent outside the four networks: quantisation, scale indexes, rANS coding of
// both latents and the checks (docs/performance.md, "Learned codec").
#include <benchmark/benchmark.h>

#include <chrono>

#include "codecs/learned/learned_backend_loader.h"
#include "codecs/learned/learned_frames.h"
#include "codecs/learned/learned_image_coder.h"

namespace tgvc::learned {
namespace {

using Clock = std::chrono::steady_clock;

// Times the stages of the network it wraps (single-threaded use).
class TimedNetwork final : public LearnedNetwork {
 public:
  explicit TimedNetwork(const LearnedNetwork& inner) : inner_(inner) {}
  const ExportInfo& info() const override { return inner_.info(); }
  Planes analysis(const Planes& x) const override {
    return timed([&] { return inner_.analysis(x); });
  }
  Planes hyper_analysis(const Planes& y) const override {
    return timed([&] { return inner_.hyper_analysis(y); });
  }
  void hyper_synthesis(const Planes& z, Planes* scales, Planes* means) const override {
    timed([&] {
      inner_.hyper_synthesis(z, scales, means);
      return 0;
    });
  }
  Planes synthesis(const Planes& y) const override {
    return timed([&] { return inner_.synthesis(y); });
  }
  mutable double seconds = 0;

 private:
  template <class F>
  auto timed(F f) const -> decltype(f()) {
    const auto t = Clock::now();
    auto out = f();
    seconds += std::chrono::duration<double>(Clock::now() - t).count();
    return out;
  }
  const LearnedNetwork& inner_;
};

Frame textured_frame(int width, int height) {
  Frame f = Frame::allocate(width, height, {ChromaFormat::k444, 8, ColourFamily::kRgb});
  for (int c = 0; c < 3; ++c) {
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x)
        f.planes[c].at(x, y) = static_cast<uint16_t>((7 * x + 13 * y + 50 * c + (x * y) % 31) % 256);
    }
  }
  return f;
}

void BM_LearnedFrame512x320(benchmark::State& state) {
  const auto network = require_learned_backend("bench").load(TGVC_LEARNED_BENCH_EXPORT, "", "cpu", "bench");
  const TimedNetwork timed(*network);
  const LearnedImageCoder coder(timed);
  const Planes image = frame_to_planes(textured_frame(512, 320), {}, network->info().padding, 64);
  double total = 0;
  size_t bytes = 0;
  for (auto _ : state) {
    const auto t = Clock::now();
    const EncodedImage coded = coder.encode(image);
    benchmark::DoNotOptimize(coder.decode(coded.strings, coded.shapes, "bench"));
    total += std::chrono::duration<double>(Clock::now() - t).count();
    bytes = coded.strings.hyper_latent.size() + coded.strings.latent.size();
  }
  state.counters["networks_share"] = timed.seconds / total;
  state.counters["coding_share"] = 1 - timed.seconds / total;
  state.counters["coding_ms"] = benchmark::Counter((total - timed.seconds) * 1e3 / state.iterations());
  state.counters["string_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_LearnedFrame512x320)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace tgvc::learned
