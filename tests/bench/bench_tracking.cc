// Cost of T-GVC's dense tracking (DESIGN 4.3): 2 x 64 x 64 queries through a 30-frame 512x320
// clip, the tracker's share of the real-time budget (issue item 12). The clip is generated here:
// a background panning by a non-integer step plus textured discs that cross it (occlusions, so
// some tracks end and take the full-pyramid retry).
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include <opencv2/core/utility.hpp>

#include "harness/core/lcg.h"
#include "harness/tracking/flow_tracker.h"
#include "harness/tracking/track_accuracy.h"

namespace tgvc {
namespace {

constexpr int kWidth = 512;
constexpr int kHeight = 320;
constexpr int kFrames = 30;

// A periodic smooth noise texture sampled bilinearly at any point.
class Texture {
 public:
  explicit Texture(uint32_t seed) : values_(kSize * kSize) {
    Lcg lcg(seed);
    std::vector<double> coarse(kSize * kSize);
    for (double& v : coarse) v = lcg.uniform();
    // Two octaves, 2x and 8x coarser than a pixel, so windows have structure at every level.
    for (int y = 0; y < kSize; ++y) {
      for (int x = 0; x < kSize; ++x) {
        values_[y * kSize + x] = 30 + 100 * sample_grid(coarse, x / 2.0, y / 2.0) +
                                 100 * sample_grid(coarse, x / 8.0 + 100, y / 8.0);
      }
    }
  }
  double at(double x, double y) const { return sample_grid(values_, x, y); }

 private:
  static constexpr int kSize = 256;
  static double sample_grid(const std::vector<double>& g, double x, double y) {
    const double fx = std::floor(x), fy = std::floor(y);
    const int x0 = static_cast<int>(fx) & (kSize - 1), y0 = static_cast<int>(fy) & (kSize - 1);
    const int x1 = (x0 + 1) & (kSize - 1), y1 = (y0 + 1) & (kSize - 1);
    const double ax = x - fx, ay = y - fy;
    return g[y0 * kSize + x0] * (1 - ax) * (1 - ay) + g[y0 * kSize + x1] * ax * (1 - ay) +
           g[y1 * kSize + x0] * (1 - ax) * ay + g[y1 * kSize + x1] * ax * ay;
  }
  std::vector<double> values_;
};

Video moving_clip() {
  const Texture background(11), disc(12);
  Video clip;
  clip.info.width = kWidth;
  clip.info.height = kHeight;
  for (int k = 0; k < kFrames; ++k) {
    Frame f = Frame::allocate(kWidth, kHeight, clip.info.format, 128);
    for (int y = 0; y < kHeight; ++y) {
      for (int x = 0; x < kWidth; ++x) {
        double v = background.at(x + 1.3 * k, y + 0.6 * k);
        for (int d = 0; d < 4; ++d) {
          const double cx = 80 + 110 * d + (d % 2 ? -3.1 : 2.7) * k, cy = 90 + 50 * (d % 3) + 1.9 * k;
          if (std::hypot(x + 0.5 - cx, y + 0.5 - cy) < 45) v = disc.at(x - cx + 64 * d, y - cy);
        }
        f.planes[0].at(x, y) = static_cast<uint16_t>(std::lround(v));
      }
    }
    clip.frames.push_back(std::move(f));
  }
  return clip;
}

const Video& clip() {
  static const Video video = moving_clip();
  return video;
}

// Arg: OpenCV threads. The per-point work is independent, so results are identical for any count.
void BM_FlowTrackerClip(benchmark::State& state) {
  const int threads = cv::getNumThreads();
  cv::setNumThreads(static_cast<int>(state.range(0)));
  const Video& video = clip();  // generated outside the timed loop
  const std::vector<TrackQuery> queries = grid_queries(kWidth, kHeight, kFrames);
  const FlowTracker tracker;
  int64_t visible = 0;
  for (auto _ : state) {
    const Tracks tracks = tracker.track(video, queries);
    visible = 0;
    for (const Track& t : tracks) {
      for (uint8_t v : t.visible) visible += v;
    }
    benchmark::DoNotOptimize(visible);
  }
  cv::setNumThreads(threads);
  state.counters["tracks"] = static_cast<double>(queries.size());
  state.counters["visible_share"] = static_cast<double>(visible) / (queries.size() * kFrames);
  state.counters["frames_per_s"] =
      benchmark::Counter(static_cast<double>(kFrames), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FlowTrackerClip)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_TrackError(benchmark::State& state) {
  const std::vector<TrackQuery> queries = grid_queries(kWidth, kHeight, kFrames);
  static const Tracks tracks = FlowTracker().track(clip(), queries);
  Tracks shifted = tracks;
  for (Track& t : shifted) {
    for (float& x : t.x) x += 0.3f;
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(track_error({{&shifted, &tracks}}));
  }
}
BENCHMARK(BM_TrackError)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tgvc
