// Decoder generators' speed: frames per second of `blend` and `warp` at 512x320 on a clip like the
// synthetic orbit scene (36 frames, keyframes 0, 23 and 35; a panning textured background and
// four textured objects moving 1.5 to 4 px per frame, each with 8 trajectories coded on the 8 px
// grid, a few hidden at the ends, as the encoder sends them; also without the pan, as from a
// still camera, like vtest). The keyframes are rendered here, not coded: the generators' cost
// does not depend on how the keyframes were made.
// Run: build/<dir>/tests/bench_generate (docs/performance.md, "Decoder generators" and its "The
// composer, a row at a time", which has the background choice's figures too).
#include <cmath>
#include <cstdint>
#include <vector>

#include <benchmark/benchmark.h>

#include "codecs/tgvc/generate/clip_background_choice.h"
#include "codecs/tgvc/generate/layered_composer.h"
#include "codecs/tgvc/generate/warp_generator.h"
#include "tests/unit/generate/value_noise.h"

namespace tgvc {
namespace {

constexpr int kWidth = 512, kHeight = 320, kFrames = 36;
const std::vector<int> kKeyframes = {0, 23, 35};

using generate_test::value_noise;

struct Object {
  double x0, y0, vx, vy, radius;
  uint32_t salt;
};
const Object kObjects[] = {{120, 90, 4, 2, 26, 11},
                           {380, 200, -2.5, -1.5, 32, 12},
                           {250, 250, 1.5, -3, 22, 13},
                           {420, 70, -3, 2.5, 28, 14}};
constexpr double kPanX = -0.4, kPanY = 0.4;

Frame render(int f, bool still_camera) {
  const double pan_x = still_camera ? 0 : kPanX, pan_y = still_camera ? 0 : kPanY;
  Frame frame = Frame::allocate(kWidth, kHeight, PixelFormat{}, 128);
  for (int p = 0; p < 3; ++p) {
    Plane& plane = frame.planes[p];
    const double scale = p == 0 ? 1 : 2;
    for (int y = 0; y < plane.height; ++y) {
      for (int x = 0; x < plane.width; ++x) {
        const double cx = (x + 0.5) * scale, cy = (y + 0.5) * scale;
        double v = 60 + 90 * value_noise(cx - pan_x * f, cy - pan_y * f, 11, 1 + p) +
                   50 * value_noise(cx - pan_x * f, cy - pan_y * f, 37, 7 + p);
        for (const Object& o : kObjects) {
          const double ox = o.x0 + o.vx * f, oy = o.y0 + o.vy * f;
          if (std::hypot(cx - ox, cy - oy) < o.radius)
            v = 30 + 200 * value_noise(cx - ox, cy - oy, 7, o.salt + p);
        }
        plane.at(x, y) = static_cast<uint16_t>(std::lround(v));
      }
    }
  }
  return frame;
}

// Eight tracks per object on the 8 px grid (cell centres); the first track of each object is
// hidden in the clip's last three frames, as tracks that the encoder's tracker loses are.
ClipTrajectories clip_tracks(int first, int last) {
  ClipTrajectories clip;
  clip.frames = last - first + 1;
  for (const Object& o : kObjects) {
    for (int k = 0; k < 8; ++k) {
      const double angle = k * 0.785, r = 0.6 * o.radius;
      CodedTrack t;
      for (int f = first; f <= last; ++f) {
        const double x = o.x0 + o.vx * f + r * std::cos(angle), y = o.y0 + o.vy * f + r * std::sin(angle);
        t.x.push_back(static_cast<float>(std::floor(x / 8) * 8 + 4));
        t.y.push_back(static_cast<float>(std::floor(y / 8) * 8 + 4));
        t.visible.push_back(k == 0 && f > last - 3 ? 0 : 1);
      }
      clip.tracks.push_back(t);
    }
  }
  return clip;
}

struct Input {
  Video keyframes;
  std::vector<ClipTrajectories> clips;
};

Input make_input(bool still_camera) {
  Input i;
  i.keyframes.info.width = kWidth;
  i.keyframes.info.height = kHeight;
  for (int k : kKeyframes) i.keyframes.frames.push_back(render(k, still_camera));
  for (size_t c = 0; c + 1 < kKeyframes.size(); ++c) {
    i.clips.push_back(clip_tracks(kKeyframes[c], kKeyframes[c + 1]));
  }
  return i;
}

// The panning clip; with still_camera, the same without the pan (the steady-background path).
const Input& input(bool still_camera = false) {
  static const Input panning = make_input(false);
  static const Input still = make_input(true);
  return still_camera ? still : panning;
}

void BM_Blend(benchmark::State& state) {
  const Input& in = input();
  // Without trajectories the warp generator is exactly the blend decoder (unit-tested).
  std::vector<ClipTrajectories> none;
  for (size_t c = 0; c + 1 < kKeyframes.size(); ++c)
    none.push_back({kKeyframes[c + 1] - kKeyframes[c] + 1, {}});
  for (auto _ : state)
    benchmark::DoNotOptimize(warp_between_keyframes(in.keyframes, kKeyframes, none, kFrames));
  state.SetItemsProcessed(state.iterations() * kFrames);
}
BENCHMARK(BM_Blend)->Unit(benchmark::kMillisecond);

void BM_Warp(benchmark::State& state) {
  const Input& in = input(state.range(1) != 0);
  WarpOptions options;
  options.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    benchmark::DoNotOptimize(warp_between_keyframes(in.keyframes, kKeyframes, in.clips, kFrames, options));
  }
  state.SetItemsProcessed(state.iterations() * kFrames);
}
// Arguments: threads, still camera.
BENCHMARK(BM_Warp)->Args({1, 0})->Args({2, 0})->Args({1, 1})->Unit(benchmark::kMillisecond)->UseRealTime();

// A clip without trajectories with a still camera (the objects then move untracked, as vtest's
// walkers): the camera-aware background (argument 0) against it plus the keyframes' own motion
// (argument 1, mode 3: BackgroundMode::kCameraMotion).
void BM_WarpUntracked(benchmark::State& state) {
  const Input& in = input(true);
  std::vector<ClipTrajectories> none;
  for (size_t c = 0; c + 1 < kKeyframes.size(); ++c) {
    none.push_back({kKeyframes[c + 1] - kKeyframes[c] + 1, {}});
    none.back().background = state.range(0) != 0 ? BackgroundMode::kCameraMotion : BackgroundMode::kCamera;
  }
  for (auto _ : state)
    benchmark::DoNotOptimize(warp_between_keyframes(in.keyframes, kKeyframes, none, kFrames));
  state.SetItemsProcessed(state.iterations() * kFrames);
}
BENCHMARK(BM_WarpUntracked)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// The per-clip part of warp (camera motion, instances, supports) for the first clip, and one
// frame's composition: where the time goes.
void BM_WarpClipModel(benchmark::State& state) {
  const Input& in = input();
  const std::vector<TrackPath> paths = fit_track_paths(in.clips[0]);
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        build_clip_model(in.keyframes.frames[0], in.keyframes.frames[1], paths, kKeyframes[1]));
  }
}
BENCHMARK(BM_WarpClipModel)->Unit(benchmark::kMillisecond);

void BM_WarpComposeFrame(benchmark::State& state) {
  const Input& in = input();
  const ClipModel model = build_clip_model(in.keyframes.frames[0], in.keyframes.frames[1],
                                           fit_track_paths(in.clips[0]), kKeyframes[1]);
  for (auto _ : state) {
    benchmark::DoNotOptimize(compose_clip_frame(model, in.keyframes.frames[0], in.keyframes.frames[1], 11));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WarpComposeFrame)->Unit(benchmark::kMillisecond);

// The encoder's background choice for the first clip as if it had no tracks (the straight camera,
// the moved regions and the path measured against the 22 rendered in-between frames): what the
// encoder spends per clip without trajectories. Argument: still camera.
void BM_BackgroundChoice(benchmark::State& state) {
  const bool still_camera = state.range(0) != 0;
  const Input& in = input(still_camera);
  std::vector<Frame> sources;
  for (int f = 1; f < kKeyframes[1]; ++f) sources.push_back(render(f, still_camera));
  std::vector<ClipFrame> frames;
  for (int f = 1; f < kKeyframes[1]; ++f) frames.push_back({f, &sources[f - 1]});
  for (auto _ : state) {
    benchmark::DoNotOptimize(choose_clip_background(in.keyframes.frames[0], in.keyframes.frames[1],
                                                    kKeyframes[1], frames, ClipBackgroundParams{}));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(frames.size()));
}
BENCHMARK(BM_BackgroundChoice)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tgvc
