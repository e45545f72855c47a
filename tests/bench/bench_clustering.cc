// Cost of T-GVC's motion-instance clustering on one clip's 8192 tracks (2 x 64 x 64, 16 frames):
// the 14 features, the k-d tree that prunes the exact stages, core distances, the
// mutual-reachability MST and the whole HDBSCAN (DESIGN 4.4), and the seeded k-means of the
// representatives (DESIGN 4.6). Argument 0 of the pruned stages: the clip with 0.3 px of tracking
// jitter; 1: 3 px, whose features spread like a real clip's (pruning skips less). Numbers:
// docs/clustering.md.
#include <benchmark/benchmark.h>

#include "codecs/tgvc/clustering/hdbscan.h"
#include "codecs/tgvc/clustering/hdbscan_mst.h"
#include "codecs/tgvc/clustering/kd_partition.h"
#include "codecs/tgvc/clustering/kmeans.h"
#include "codecs/tgvc/clustering/track_features.h"
#include "codecs/tgvc/clustering/track_series.h"
#include "codecs/tgvc/clustering/zscore.h"
#include "tests/unit/clustering/synthetic_points.h"

namespace tgvc {
namespace {

const testing_data::SyntheticTracks& clip_tracks() {
  static const testing_data::SyntheticTracks tracks = testing_data::moving_rect_tracks(
      64, 16, {{40, 40, 200, 160, 3.0, 0.5}, {300, 150, 460, 300, -2.0, -1.0}, {220, 20, 300, 90, 0.0, 4.0}},
      0.3, 7);
  return tracks;
}

const FeatureMatrix& clip_features() {
  static const FeatureMatrix features = [] {
    FeatureMatrix f = track_features(clip_tracks().tracks);
    zscore_columns(f);
    return f;
  }();
  return features;
}

const FeatureMatrix& jittery_clip_features() {
  static const FeatureMatrix features = [] {
    FeatureMatrix f = track_features(
        testing_data::moving_rect_tracks(
            64, 16,
            {{40, 40, 200, 160, 3.0, 0.5}, {300, 150, 460, 300, -2.0, -1.0}, {220, 20, 300, 90, 0.0, 4.0}},
            3.0, 7)
            .tracks);
    zscore_columns(f);
    return f;
  }();
  return features;
}

const FeatureMatrix& features_of(const benchmark::State& state) {
  return state.range(0) == 0 ? clip_features() : jittery_clip_features();
}

void BM_TrackFeatures(benchmark::State& state) {
  for (auto _ : state) {
    FeatureMatrix f = track_features(clip_tracks().tracks);
    zscore_columns(f);
    benchmark::DoNotOptimize(f.values.data());
  }
}
BENCHMARK(BM_TrackFeatures)->Unit(benchmark::kMillisecond);

void BM_KdPartition(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(kd_partition(features_of(state), 16));
}
BENCHMARK(BM_KdPartition)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_CoreDistances(benchmark::State& state) {
  const int threads = static_cast<int>(state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(core_distances(features_of(state), 6, threads));
}
BENCHMARK(BM_CoreDistances)
    ->Args({0, 1})
    ->Args({0, 2})
    ->Args({1, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_MutualReachabilityMst(benchmark::State& state) {
  const std::vector<double> core = core_distances(features_of(state), 6);
  for (auto _ : state) benchmark::DoNotOptimize(mutual_reachability_mst(features_of(state), core));
}
BENCHMARK(BM_MutualReachabilityMst)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_Hdbscan8192(benchmark::State& state) {
  HdbscanParams params;
  params.threads = static_cast<int>(state.range(0));
  int clusters = 0;
  for (auto _ : state) {
    const HdbscanResult result = hdbscan(clip_features(), params);
    clusters = result.cluster_count;
  }
  state.counters["clusters"] = clusters;
}
BENCHMARK(BM_Hdbscan8192)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_KMeansRepresentatives(benchmark::State& state) {
  // One large motion instance (the first rectangle's tracks), 15 representatives.
  std::vector<int> members;
  for (size_t t = 0; t < clip_tracks().motion.size(); ++t) {
    if (clip_tracks().motion[t] == 1) members.push_back(static_cast<int>(t));
  }
  const FeatureMatrix series = track_series(clip_tracks().tracks, members);
  KMeansParams params;
  params.k = 15;
  for (auto _ : state) benchmark::DoNotOptimize(kmeans(series, params));
  state.counters["tracks"] = static_cast<double>(members.size());
}
BENCHMARK(BM_KMeansRepresentatives)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tgvc
