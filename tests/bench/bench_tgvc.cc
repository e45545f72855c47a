// The T-GVC encoder per stage at 512x320 (issue goal: faster than real time for 30 fps video on
// two cores). Counters give each stage's seconds per encoded second of video and the encoder's
// frames per second.
#include <benchmark/benchmark.h>

#include "codecs/tgvc/keyframes/thumbnail_embedder.h"
#include "codecs/tgvc/tgvc_encoder.h"
#include "datasets/synthetic/synthetic_sequence.h"
#include "harness/core/colour.h"
#include "harness/core/params.h"

namespace tgvc {
namespace {

void BM_TgvcEncode(benchmark::State& state, const char* scene) {
  SyntheticSpec spec;
  spec.scene = scene;
  spec.frame_count = static_cast<int>(state.range(0));
  const Video source = SyntheticSequence(spec).render_range(0, spec.frame_count);
  const TgvcParams params = tgvc_params_from(ParamSet::resolve(tgvc_param_specs(), {}, "tgvc"));
  TgvcEncodeStats total;
  int64_t runs = 0;
  for (auto _ : state) {
    TgvcEncodeStats stats;
    benchmark::DoNotOptimize(tgvc_encode(source, params, &stats));
    total.embedding_s += stats.embedding_s;
    total.motion.tracking_s += stats.motion.tracking_s;
    total.motion.clustering_s += stats.motion.clustering_s;
    total.motion.importance_s += stats.motion.importance_s;
    total.keyframe_coding_s += stats.keyframe_coding_s;
    total.trajectory_coding_s += stats.trajectory_coding_s;
    ++runs;
  }
  const double video_seconds = spec.frame_count / spec.fps.value() * static_cast<double>(runs);
  state.counters["embed_s_per_video_s"] = total.embedding_s / video_seconds;
  state.counters["track_s_per_video_s"] = total.motion.tracking_s / video_seconds;
  state.counters["cluster_s_per_video_s"] = total.motion.clustering_s / video_seconds;
  state.counters["importance_s_per_video_s"] = total.motion.importance_s / video_seconds;
  state.counters["keyframes_s_per_video_s"] = total.keyframe_coding_s / video_seconds;
  state.counters["coding_s_per_video_s"] = total.trajectory_coding_s / video_seconds;
  state.counters["fps"] = benchmark::Counter(
      static_cast<double>(spec.frame_count) * static_cast<double>(runs), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_TgvcEncode, orbit_512x320, "orbit")->Arg(96)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_TgvcEncode, crossing_512x320, "crossing")
    ->Arg(96)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

// What the importance step prepares once per frame of a clip: the thumbnail embedder's YUV 4:4:4
// and cell sums of the frame's 8-bit RGB (ImportanceFrames, codecs/tgvc/importance).
void BM_ThumbnailEditsOf512x320(benchmark::State& state) {
  SyntheticSpec spec;
  const Video source = SyntheticSequence(spec).render_range(0, 1);
  const Frame rgb = yuv_to_rgb(source.frames[0], source.info.colour);
  const ThumbnailEmbedder embedder;
  for (auto _ : state) benchmark::DoNotOptimize(embedder.edits_of(rgb, source.info.colour));
}
BENCHMARK(BM_ThumbnailEditsOf512x320)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tgvc
