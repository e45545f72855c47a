#include "codecs/tgvc/generate/warp_generator.h"

#include <cmath>
#include <cstdio>

#include <gtest/gtest.h>

#include "codecs/tgvc/blend_interpolation.h"
#include "codecs/tgvc/generate/generators.h"
#include "codecs/tgvc/generate/layered_composer.h"
#include "codecs/tgvc/generate/motion_instances.h"
#include "codecs/tgvc/generate/track_paths.h"
#include "datasets/synthetic/synthetic_sequence.h"
#include "harness/core/error.h"
#include "harness/core/lcg.h"
#include "harness/metrics/registry.h"
#include "harness/run/synthetic_truth.h"

namespace tgvc {
namespace {

PixelFormat yuv420() {
  return PixelFormat{};
}

// A deterministic texture value at a continuous position: smooth enough that bilinear sampling
// reproduces it closely, varied enough that a misplaced sample shows.
double texture(double x, double y, double phase) {
  return 128 + 50 * std::sin(0.21 * x + phase) * std::cos(0.17 * y - phase) +
         25 * std::sin(0.05 * (x + 2 * y));
}

// A 160x96 frame: a static background texture and a 40x40 square of another texture whose top-left
// corner is at (sx, sy); the square's texture moves with it.
Frame square_frame(double sx, double sy) {
  Frame f = Frame::allocate(160, 96, yuv420(), 128);
  for (int p = 0; p < 3; ++p) {
    Plane& plane = f.planes[p];
    const double scale = p == 0 ? 1 : 2;
    for (int y = 0; y < plane.height; ++y) {
      for (int x = 0; x < plane.width; ++x) {
        const double cx = (x + 0.5) * scale, cy = (y + 0.5) * scale;
        const bool inside = cx >= sx && cx < sx + 40 && cy >= sy && cy < sy + 40;
        const double v = inside ? 255 - texture(cx - sx, cy - sy, 1.0 + p) : texture(cx, cy, 0.3 * p);
        plane.at(x, y) = static_cast<uint16_t>(std::lround(std::clamp(v, 0.0, 255.0)));
      }
    }
  }
  return f;
}

double luma_psnr(const Frame& a, const Frame& b) {
  double sum = 0;
  for (size_t i = 0; i < a.planes[0].samples.size(); ++i) {
    const double d = static_cast<double>(a.planes[0].samples[i]) - b.planes[0].samples[i];
    sum += d * d;
  }
  const double mse = sum / a.planes[0].samples.size();
  return 10 * std::log10(255.0 * 255.0 / std::max(mse, 1e-9));
}

// Tracks on a 3x3 lattice over the square, which moves by (dx, dy) per frame from (sx, sy).
ClipTrajectories square_tracks(double sx, double sy, double dx, double dy, int frames) {
  ClipTrajectories clip;
  clip.frames = frames;
  for (double u : {8.0, 20.0, 32.0}) {
    for (double v : {8.0, 20.0, 32.0}) {
      CodedTrack t;
      for (int f = 0; f < frames; ++f) {
        t.x.push_back(static_cast<float>(sx + u + dx * f));
        t.y.push_back(static_cast<float>(sy + v + dy * f));
        t.visible.push_back(1);
      }
      clip.tracks.push_back(t);
    }
  }
  return clip;
}

TEST(TrackPaths, FitRemovesMostOfTheGridRoundingAndFillsHiddenFrames) {
  // A point moving 1.7 px per frame, coded on an 8 px grid (cell centres), hidden in frames 0..3.
  ClipTrajectories clip;
  clip.frames = 30;
  CodedTrack t;
  for (int f = 0; f < 30; ++f) {
    const double x = 20 + 1.7 * f, y = 50 - 0.9 * f;
    t.x.push_back(static_cast<float>(std::floor(x / 8) * 8 + 4));
    t.y.push_back(static_cast<float>(std::floor(y / 8) * 8 + 4));
    t.visible.push_back(f >= 4 ? 1 : 0);
  }
  clip.tracks.push_back(t);
  const std::vector<TrackPath> paths = fit_track_paths(clip);
  ASSERT_EQ(paths.size(), 1u);
  double coded_error = 0, fitted_error = 0;
  for (int f = 4; f < 30; ++f) {
    const double x = 20 + 1.7 * f, y = 50 - 0.9 * f;
    coded_error += std::hypot(t.x[f] - x, t.y[f] - y);
    fitted_error += std::hypot(paths[0].x[f] - x, paths[0].y[f] - y);
  }
  EXPECT_LT(fitted_error, 0.6 * coded_error);
  // Hidden frames continue the motion linearly: frame 0 lies near the true start.
  EXPECT_NEAR(paths[0].x[0], 20, 3);
  EXPECT_NEAR(paths[0].y[0], 50, 3);
  EXPECT_EQ(paths[0].visible[0], 0);
  EXPECT_EQ(paths[0].visible[4], 1);
  // A track never visible carries nothing.
  clip.tracks[0].visible.assign(30, 0);
  EXPECT_TRUE(fit_track_paths(clip).empty());
}

TEST(WarpGenerator, FollowsAMovingSquareWhereTheBlendGhosts) {
  // The square moves 3 px right and 1 px down per frame over 13 frames (12 steps).
  const int last = 12;
  const Frame a = square_frame(30, 20);
  const Frame b = square_frame(30 + 3 * last, 20 + last);
  const std::vector<TrackPath> paths = fit_track_paths(square_tracks(30, 20, 3, 1, last + 1));
  WarpOptions options;
  for (int j : {3, 6, 9}) {
    const Frame truth = square_frame(30 + 3 * j, 20 + j);
    const Frame warped = warp_clip_frame(a, b, paths, j, last, options);
    const Frame blended = blend_between_keyframes(Video{{}, {a, b}}, {0, last}, last + 1).frames[j];
    const double warp_db = luma_psnr(warped, truth), blend_db = luma_psnr(blended, truth);
    EXPECT_GT(warp_db, blend_db + 3) << "frame " << j;
    EXPECT_GT(warp_db, 26) << "frame " << j;
    // A texel of the square's centre sits where the truth has it.
    const int cx = static_cast<int>(30 + 3 * j + 20), cy = static_cast<int>(20 + j + 20);
    EXPECT_NEAR(warped.planes[0].at(cx, cy), truth.planes[0].at(cx, cy), 6) << "frame " << j;
  }
}

TEST(WarpGenerator, WithoutTrajectoriesItIsTheBlendDecoder) {
  Video keyframes;
  keyframes.frames = {square_frame(10, 10), square_frame(60, 30), square_frame(90, 40)};
  keyframes.info.width = 160;
  keyframes.info.height = 96;
  const std::vector<int> indices = {0, 7, 12};
  const std::vector<ClipTrajectories> clips = {ClipTrajectories{8, {}}, ClipTrajectories{6, {}}};
  const Video warped = warp_between_keyframes(keyframes, indices, clips, 13);
  const Video blended = blend_between_keyframes(keyframes, indices, 13);
  ASSERT_EQ(warped.frame_count(), 13);
  for (int f = 0; f < 13; ++f) {
    for (int p = 0; p < 3; ++p)
      EXPECT_EQ(warped.frames[f].planes[p].samples, blended.frames[f].planes[p].samples);
  }
}

TEST(WarpGenerator, KeyframesAreKeptAndFarPixelsAreBlended) {
  Video keyframes;
  keyframes.frames = {square_frame(30, 20), square_frame(66, 32)};
  keyframes.info.width = 160;
  keyframes.info.height = 96;
  const Video warped = warp_between_keyframes(keyframes, {0, 12}, {square_tracks(30, 20, 3, 1, 13)}, 13);
  const Video blended = blend_between_keyframes(keyframes, {0, 12}, 13);
  // Frames are composed independently: any thread count gives the same video.
  WarpOptions two_threads;
  two_threads.threads = 2;
  const Video parallel =
      warp_between_keyframes(keyframes, {0, 12}, {square_tracks(30, 20, 3, 1, 13)}, 13, two_threads);
  for (int f = 0; f < 13; ++f)
    EXPECT_EQ(parallel.frames[f].planes[0].samples, warped.frames[f].planes[0].samples);
  for (int p = 0; p < 3; ++p) {
    EXPECT_EQ(warped.frames[0].planes[p].samples, keyframes.frames[0].planes[p].samples);
    EXPECT_EQ(warped.frames[12].planes[p].samples, keyframes.frames[1].planes[p].samples);
  }
  // Column 150 is far from the square in both keyframes and the camera does not move: the
  // blend, to rounding.
  for (int f = 1; f < 12; ++f) {
    for (int y = 0; y < 96; ++y)
      EXPECT_NEAR(warped.frames[f].planes[0].at(150, y), blended.frames[f].planes[0].at(150, y), 1);
  }
}

// Decoded tracks far outside the frame, or with huge coordinates, change nothing and break nothing.
TEST(WarpGenerator, ImpossiblePositionsAreHarmless) {
  Video keyframes;
  keyframes.frames = {square_frame(30, 20), square_frame(66, 32)};
  keyframes.info.width = 160;
  keyframes.info.height = 96;
  ClipTrajectories clip = square_tracks(30, 20, 3, 1, 13);
  for (CodedTrack& t : clip.tracks) {
    for (float& x : t.x) x = x * 1e30f;
    t.y[3] = -3e38f;
  }
  const Video warped = warp_between_keyframes(keyframes, {0, 12}, {clip}, 13);
  ASSERT_EQ(warped.frame_count(), 13);
  EXPECT_EQ(warped.frames[12].planes[0].samples, keyframes.frames[1].planes[0].samples);
}

TEST(WarpGenerator, AClipWithTooManyTracksUsesAnEvenlySpacedCap) {
  std::vector<TrackPath> many(10);
  for (size_t i = 0; i < many.size(); ++i) many[i].x = {static_cast<double>(i)};
  const std::vector<TrackPath> spaced = keep_evenly_spaced(many, 4);
  ASSERT_EQ(spaced.size(), 4u);
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(spaced[i].x[0], static_cast<double>(i * 10 / 4));  // 0, 2, 5, 7
  EXPECT_EQ(keep_evenly_spaced(many, 10).size(), 10u);

  // A forged clip of 20 000 tracks (the square's lattice, then static points all over the frame)
  // decodes exactly as its evenly spaced max_tracks do: the cap applies before any pairwise work.
  // Without it the full set would give other frames (the square's instance has 9 tracks there,
  // 1 in the thinned set).
  const int last = 6;
  Video keyframes{{}, {square_frame(30, 20), square_frame(30 + 2 * last, 20)}};
  keyframes.info.width = 160;
  keyframes.info.height = 96;
  ClipTrajectories forged = square_tracks(30, 20, 2, 0, last + 1);
  Lcg rng(7);
  while (forged.tracks.size() < 20000) {
    CodedTrack t;
    const float x = static_cast<float>(rng.next() % 1600) / 10, y = static_cast<float>(rng.next() % 960) / 10;
    t.x.assign(last + 1, x);
    t.y.assign(last + 1, y);
    t.visible.assign(last + 1, 1);
    forged.tracks.push_back(t);
  }
  WarpOptions options;
  options.max_tracks = 64;
  const Video decoded = warp_between_keyframes(keyframes, {0, last}, {forged}, last + 1, options);
  const std::vector<TrackPath> kept =
      keep_consistent_paths(keyframes.frames[0], keyframes.frames[1], fit_track_paths(forged), options);
  ASSERT_GT(kept.size(), options.max_tracks);
  const std::vector<TrackPath> capped = keep_evenly_spaced(kept, options.max_tracks);
  for (int j = 1; j < last; ++j) {
    const Frame expected =
        warp_clip_frame(keyframes.frames[0], keyframes.frames[1], capped, j, last, options);
    EXPECT_EQ(decoded.frames[j].planes[0].samples, expected.planes[0].samples) << j;
  }
}

TEST(WarpGenerator, RejectsCountsThatDisagree) {
  Video keyframes;
  keyframes.frames = {square_frame(30, 20), square_frame(66, 32)};
  const ClipTrajectories clip = square_tracks(30, 20, 3, 1, 13);
  EXPECT_THROW(warp_between_keyframes(keyframes, {0}, {}, 13), InputError);
  EXPECT_THROW(warp_between_keyframes(keyframes, {0, 12}, {}, 13), InputError);
  EXPECT_THROW(warp_between_keyframes(keyframes, {0, 12}, {clip}, 14), InputError);
  EXPECT_THROW(warp_between_keyframes(keyframes, {0, 11}, {clip}, 12), InputError);
  EXPECT_THROW(check_generator("no-such-generator", "test"), InputError);
  // The parts check what they are given, too.
  const std::vector<TrackPath> paths = fit_track_paths(clip);
  const ClipModel model = build_clip_model(keyframes.frames[0], keyframes.frames[1], paths, 12);
  EXPECT_THROW(compose_clip_frame(model, keyframes.frames[0], keyframes.frames[1], 13), InputError);
  EXPECT_THROW(compose_clip_frame(model, keyframes.frames[0], Frame::allocate(80, 48, yuv420()), 5),
               InputError);
  EXPECT_THROW(build_clip_model(keyframes.frames[0], keyframes.frames[1], paths, 11), InputError);
  std::vector<TrackPath> uneven = paths;
  uneven[1].x.pop_back();
  EXPECT_THROW(group_motion_instances(uneven, 160, 96), InputError);
  EXPECT_NO_THROW(check_generator("warp", "test"));
}

// With dense, exact trajectories (the synthetic generator's own, 16x16 points from frame 0) the
// warp reproduces the motion: the trajectory error of the decoded clip falls several-fold
// against the blend of the same two keyframes.
TEST(WarpGenerator, GroundTruthTrajectoriesRestoreTheMotion) {
  SyntheticSpec spec;
  spec.width = 512;
  spec.height = 320;
  spec.frame_count = 25;
  const SyntheticSequence sequence(spec);
  const Video source = sequence.render_range(0, 25);
  Video keyframes;
  keyframes.info = source.info;
  keyframes.frames = {source.frames[0], source.frames[24]};
  ClipTrajectories clip;
  clip.frames = 25;
  for (int i = 0; i < 16; ++i) {
    for (int k = 0; k < 16; ++k) {
      CodedTrack t;
      for (int f = 0; f < 25; ++f) {
        const TrackPoint p = sequence.track((i + 0.5) * 32, (k + 0.5) * 20, 0, f);
        t.x.push_back(static_cast<float>(p.x));
        t.y.push_back(static_cast<float>(p.y));
        t.visible.push_back(p.visible ? 1 : 0);
      }
      clip.tracks.push_back(t);
    }
  }
  const Video warped = warp_between_keyframes(keyframes, {0, 24}, {clip}, 25);
  const Video blended = blend_between_keyframes(keyframes, {0, 24}, 25);
  const Metric* metric = find_metric("trajectory_error")->plain;
  ASSERT_NE(metric, nullptr);
  const SyntheticTruth truth(spec, 0);
  MetricContext context;
  context.motion_truth = &truth;
  const ParamSet options = ParamSet::resolve(metric->param_specs(), {}, "trajectory_error");
  // The end-point error (the metric's headline is delta_avg).
  const auto error_of = [&](const Video& decoded) {
    for (const MetricValue& v : metric->compute_in_context(source, decoded, options, context)) {
      if (v.name == "trajectory_error") return v.value;
    }
    ADD_FAILURE() << "no trajectory_error value";
    return 0.0;
  };
  const double warp_error = error_of(warped);
  const double blend_error = error_of(blended);
  std::printf("ground-truth tracks: trajectory error warp %.3f px, blend %.3f px\n", warp_error, blend_error);
  EXPECT_LT(warp_error, 0.35 * blend_error);
}

}  // namespace
}  // namespace tgvc
