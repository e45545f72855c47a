// Per-frame cost of PSNR, SSIM and MS-SSIM on 8-bit 4:2:0 frames (1920x1080, and 512x320, the
// T-GVC protocol's size). scripts/bench-metrics-vs-ffmpeg.sh compares these with ffmpeg.
#include <benchmark/benchmark.h>

#include "harness/core/lcg.h"
#include "harness/metrics/msssim_metric.h"
#include "harness/metrics/psnr_kernels.h"
#include "harness/metrics/psnr_metric.h"

namespace tgvc {
namespace {

// One frame of a smooth ramp plus noise, and a copy with more noise: a coded-video-like pair.
struct Pair {
  Video ref;
  Video dist;
};

Pair frame_pair(int width, int height) {
  Pair pair;
  const PixelFormat format{ChromaFormat::k420, 8, ColourFamily::kYuv};
  for (Video* v : {&pair.ref, &pair.dist}) {
    v->info.width = width;
    v->info.height = height;
    v->info.format = format;
  }
  Frame ref = Frame::allocate(width, height, format);
  Frame dist = ref;
  Lcg lcg(2025);
  for (int p = 0; p < 3; ++p) {
    Plane& a = ref.planes[p];
    Plane& b = dist.planes[p];
    for (int y = 0; y < a.height; ++y) {
      for (int x = 0; x < a.width; ++x) {
        const int base = (x + 2 * y + 60 * p) % 220 + 16 + static_cast<int>(lcg.next() % 9) - 4;
        a.at(x, y) = static_cast<uint16_t>(base);
        b.at(x, y) = static_cast<uint16_t>(base + static_cast<int>(lcg.next() % 13) - 6);
      }
    }
  }
  pair.ref.frames.push_back(std::move(ref));
  pair.dist.frames.push_back(std::move(dist));
  return pair;
}

const Pair& full_hd() {
  static const Pair pair = frame_pair(1920, 1080);
  return pair;
}

const Pair& protocol_size() {
  static const Pair pair = frame_pair(512, 320);
  return pair;
}

void BM_PsnrKernelYuv420(benchmark::State& state) {
  const Frame& a = full_hd().ref.frames[0];
  const Frame& b = full_hd().dist.frames[0];
  for (auto _ : state) {
    uint64_t sse = 0;
    for (int p = 0; p < 3; ++p) sse += plane_sum_squared_error(a.planes[p], b.planes[p], 8);
    benchmark::DoNotOptimize(sse);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * 2 * static_cast<int64_t>(1920 * 1080 * 3 / 2));
}
BENCHMARK(BM_PsnrKernelYuv420)->Name("psnr_kernel/1920x1080_420")->Unit(benchmark::kMillisecond);

// Frames straight from memory rather than cache: four pairs (100 MB) visited in turn, as a run over
// a decoded sequence does.
void BM_PsnrYuvFromMemory(benchmark::State& state) {
  static const std::vector<Pair> pairs = [] {
    std::vector<Pair> v;
    for (int i = 0; i < 4; ++i) v.push_back(frame_pair(1920, 1080));
    return v;
  }();
  const PsnrMetric metric;
  const ParamSet set = ParamSet::resolve(metric.param_specs(), {{"rgb", "false"}}, "bench");
  size_t i = 0;
  for (auto _ : state) {
    const Pair& pair = pairs[i++ % pairs.size()];
    benchmark::DoNotOptimize(metric.compute(pair.ref, pair.dist, set));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PsnrYuvFromMemory)->Name("psnr_yuv_uncached/1920x1080_420")->Unit(benchmark::kMillisecond);

void run_metric(benchmark::State& state, const Metric& metric, const Pair& pair,
                const std::map<std::string, std::string>& options) {
  const ParamSet set = ParamSet::resolve(metric.param_specs(), options, "bench");
  for (auto _ : state) benchmark::DoNotOptimize(metric.compute(pair.ref, pair.dist, set));
  state.SetItemsProcessed(state.iterations());  // frames
}

void BM_PsnrYuv(benchmark::State& state) {
  run_metric(state, PsnrMetric(), full_hd(), {{"rgb", "false"}});
}
BENCHMARK(BM_PsnrYuv)->Name("psnr_yuv/1920x1080_420")->Unit(benchmark::kMillisecond);

void BM_PsnrWithRgb(benchmark::State& state) {
  run_metric(state, PsnrMetric(), full_hd(), {});
}
BENCHMARK(BM_PsnrWithRgb)->Name("psnr_yuv_and_rgb/1920x1080_420")->Unit(benchmark::kMillisecond);

void BM_SsimY(benchmark::State& state) {
  run_metric(state, SsimMetric(), full_hd(), {{"colour", "y"}});
}
BENCHMARK(BM_SsimY)->Name("ssim_y/1920x1080_420")->Unit(benchmark::kMillisecond);

void BM_MsssimY(benchmark::State& state) {
  run_metric(state, MsssimMetric(), full_hd(), {{"colour", "y"}});
}
BENCHMARK(BM_MsssimY)->Name("msssim_y/1920x1080_420")->Unit(benchmark::kMillisecond);

void BM_MsssimRgb(benchmark::State& state) {
  run_metric(state, MsssimMetric(), full_hd(), {});
}
BENCHMARK(BM_MsssimRgb)->Name("msssim_rgb/1920x1080_420")->Unit(benchmark::kMillisecond);

void BM_MsssimRgbProtocol(benchmark::State& state) {
  run_metric(state, MsssimMetric(), protocol_size(), {});
}
BENCHMARK(BM_MsssimRgbProtocol)->Name("msssim_rgb/512x320_420")->Unit(benchmark::kMillisecond);

void BM_MsssimRgbProtocolDcvc(benchmark::State& state) {
  run_metric(state, MsssimMetric(), protocol_size(), {{"convention", "dcvc"}});
}
BENCHMARK(BM_MsssimRgbProtocolDcvc)->Name("msssim_rgb_dcvc/512x320_420")->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tgvc
