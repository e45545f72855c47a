// The still a cell writes for the report, which the run's `time:` line counts as the harness's own
// work: PNG of a real frame, vtest.avi's 24th squashed to 512x320 as configs/demo.yaml does.
// Run: build/<dir>/tests/bench_io (docs/performance.md, "Harness time account").
#include <cstdint>
#include <vector>

#include <benchmark/benchmark.h>

#include "harness/io/ffmpeg_reader.h"
#include "harness/io/png_writer.h"
#include "harness/io/resize.h"

namespace tgvc {
namespace {

void BM_StillPng512x320(benchmark::State& state) {
  const Video clip = read_ffmpeg("/usr/share/doc/opencv-doc/examples/data/vtest.avi", FrameRange{24, 1});
  const Video still = resize_video(clip, 512, 320, ResizeMode::kSquash, ResizeFilter::kBicubic);
  size_t bytes = 0;
  for (auto _ : state) {
    const std::vector<uint8_t> png = encode_png(still.frames[0], still.info.colour);
    bytes = png.size();
    benchmark::DoNotOptimize(png.data());
  }
  state.counters["png_kB"] = static_cast<double>(bytes) / 1e3;
}
BENCHMARK(BM_StillPng512x320)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tgvc
