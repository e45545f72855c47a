// Speed of the learned metrics on the CPU with random weights of the real architectures (the cost
// does not depend on the weights): LPIPS-alex frames and DISTS pairs per second at the T-GVC
// protocol's 512x320,
// and FVD feature extraction clips per second with a random Inception-I3D (stylegan-v protocol:
// 16 frames of 512x320 resized to 224x224 inside the detector). docs/performance.md.
#include <ATen/Parallel.h>
#include <benchmark/benchmark.h>

#include <chrono>

#include "harness/core/lcg.h"
#include "harness/torch/metrics/dists_compute.h"
#include "harness/torch/metrics/fvd_compute.h"
#include "harness/torch/metrics/lpips_compute.h"
#include "harness/torch/metrics/lpips_linear_weights.h"
#include "harness/torch/runtime/scripted_model.h"
#include "harness/torch/runtime/torch_runtime.h"
#include "tests/unit/learned/i3d_builder.h"
#include "tests/unit/learned/learned_test_util.h"

namespace tgvc {
namespace {

Video noise_video(int frames, uint32_t seed) {
  Video v = learned_test::rgb_video(512, 320, frames);
  Lcg rng(seed);
  for (Frame& f : v.frames) {
    for (Plane& p : f.planes) {
      for (uint16_t& s : p.samples) s = static_cast<uint16_t>(rng.next() & 255);
    }
  }
  return v;
}

// One iteration: LPIPS-alex over a whole 96-frame 512x320 sequence, `batch` frames per pass.
void BM_LpipsAlex96Frames512x320(benchmark::State& state) {
  init_torch_threads();
  const LpipsNetwork net =
      LpipsNetwork::with_random_backbone(LpipsNet::kAlex, 1, lpips_linear_state_dict(LpipsNet::kAlex));
  const Video ref = noise_video(96, 1), dist = noise_video(96, 2);
  for (auto _ : state)
    benchmark::DoNotOptimize(lpips_per_frame(net, ref, dist, static_cast<int>(state.range(0))));
  state.counters["frames_per_s"] = benchmark::Counter(96.0 * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["threads"] = at::get_num_threads();
}
BENCHMARK(BM_LpipsAlex96Frames512x320)
    ->Arg(4)
    ->Arg(8)
    ->Arg(16)
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();

void BM_LpipsVgg8Frames512x320(benchmark::State& state) {
  init_torch_threads();
  const LpipsNetwork net =
      LpipsNetwork::with_random_backbone(LpipsNet::kVgg, 1, lpips_linear_state_dict(LpipsNet::kVgg));
  const Video ref = noise_video(8, 1), dist = noise_video(8, 2);
  for (auto _ : state) benchmark::DoNotOptimize(lpips_per_frame(net, ref, dist, 4));
  state.counters["frames_per_s"] = benchmark::Counter(8.0 * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LpipsVgg8Frames512x320)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

// One iteration: DISTS over a whole 96-frame 512x320 sequence (batch 1, as the reference runs),
// random VGG16 and the built-in alpha/beta. Arg 0: every cell computes both sides; arg 1: a cell
// whose source's deep stages were prepared once per sequence (the runner's case; the prepare step
// is timed apart). Compared with tools/dists_reference_timing.py in docs/performance.md.
void BM_Dists96Frames512x320(benchmark::State& state) {
  init_torch_threads();
  const DistsNetwork net = DistsNetwork::with_random_backbone(1, dists_builtin_alpha_beta());
  const Video ref = noise_video(96, 1), dist = noise_video(96, 2);
  std::shared_ptr<const DistsSource> source;
  if (state.range(0) == 1) {
    const auto start = std::chrono::steady_clock::now();
    source = dists_prepare_source(net, ref, 1, kSharedSourceBudget);
    state.counters["prepare_s"] =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  for (auto _ : state) benchmark::DoNotOptimize(dists_per_frame(net, ref, dist, 1, source.get()));
  state.counters["pairs_per_s"] = benchmark::Counter(96.0 * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["threads"] = at::get_num_threads();
}
BENCHMARK(BM_Dists96Frames512x320)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime()
    ->MeasureProcessCPUTime();

// Features of 4 clips of 16 frames (source and decoded: 8 detector passes of one clip each, or
// fewer larger batches), random Inception-I3D.
void BM_FvdFeaturesI3d(benchmark::State& state) {
  init_torch_threads();
  const learned_test::ScratchDir dir;
  learned_test::save_random_i3d(dir.file("i3d.pt"));
  const auto detector =
      ScriptedModel::get(learned_test::model_file(dir.file("i3d.pt")), at::Device(at::kCPU));
  const Video video = noise_video(64, 3);
  const std::vector<int> starts = clip_starts(64, 16, 16);
  // The TorchScript executor profiles and optimises a model over its first calls: not timed.
  for (int warm = 0; warm < 2; ++warm) {
    fvd_features(*detector, video, {0}, 16, FvdProtocol::kStyleganV, 1, at::Device(at::kCPU));
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(fvd_features(*detector, video, starts, 16, FvdProtocol::kStyleganV,
                                          static_cast<int>(state.range(0)), at::Device(at::kCPU)));
  }
  state.counters["clips_per_s"] = benchmark::Counter(4.0 * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FvdFeaturesI3d)->Arg(1)->Arg(4)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

}  // namespace
}  // namespace tgvc
