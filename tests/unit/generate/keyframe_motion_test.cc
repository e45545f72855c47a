// The decoder's own motion between the keyframes in clips without trajectories (keyframe_motion.h,
// BackgroundMode::kCameraMotion): a still camera, a textured object that moves between the
// keyframes on a straight line at constant speed and that no trajectory covers. The scene's
// generator is the ground truth: the object must be found with its true displacement, laid where
// the truth has it in the in-between frames, and beat the blend and the plain camera-aware
// background by a stated margin; where the keyframes agree, nothing may move. The synthetic
// generator's `crossing` scene checks the same against its ground-truth tracks.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "codecs/tgvc/generate/clip_background_choice.h"
#include "codecs/tgvc/generate/keyframe_motion.h"
#include "codecs/tgvc/generate/layered_composer.h"
#include "codecs/tgvc/generate/warp_generator.h"
#include "codecs/tgvc/tgvc_codec.h"
#include "datasets/synthetic/synthetic_sequence.h"
#include "harness/core/error.h"
#include "tests/unit/generate/untracked_gain.h"
#include "tests/unit/generate/value_noise.h"

namespace tgvc {
namespace {

using generate_test::untracked_gain_db;
using generate_test::value_noise;

constexpr int kWidth = 256, kHeight = 160, kLast = 12;
constexpr int kObject = 32;                   // the object's side, px
constexpr double kStartX = 60, kStartY = 50;  // its top-left corner in keyframe A
constexpr int kMoveX = 36, kMoveY = 12;       // its displacement A -> B, px

double background(double x, double y) {
  return 70 + 60 * value_noise(x, y, 11, 1) + 40 * value_noise(x, y, 29, 2);
}

double object_texture(double u, double v) {  // u, v: position inside the object
  return 170 + 70 * value_noise(u, v, 6, 3) - 20 * value_noise(u, v, 15, 4);
}

// Clip frame j: the still background with the object at its true place, the corner at
// start + (j / last) * move (linear motion at constant speed: the truth).
// With `pan`, the camera pans by (pan, pan / 3) px per frame as well.
Frame scene(int j, bool moving = true, double pan = 0) {
  const double t = moving ? static_cast<double>(j) / kLast : 0;
  const double cx = pan * j, cy = pan * j / 3;
  const double ox = kStartX + t * kMoveX, oy = kStartY + t * kMoveY;
  Frame f = Frame::allocate(kWidth, kHeight, PixelFormat{}, 128);
  for (int y = 0; y < kHeight; ++y) {
    for (int x = 0; x < kWidth; ++x) {
      const double u = x + 0.5 - ox, v = y + 0.5 - oy;
      const bool inside = u >= 0 && v >= 0 && u < kObject && v < kObject;
      const double value = inside ? object_texture(u, v) : background(x + 0.5 + cx, y + 0.5 + cy);
      f.planes[0].at(x, y) = static_cast<uint16_t>(std::lround(std::clamp(value, 0.0, 255.0)));
    }
  }
  return f;
}

std::vector<Frame> clip(bool moving, double pan = 0) {
  std::vector<Frame> frames;
  for (int j = 0; j <= kLast; ++j) frames.push_back(scene(j, moving, pan));
  return frames;
}

std::vector<ClipFrame> in_between(const std::vector<Frame>& frames) {
  std::vector<ClipFrame> out;
  for (int j = 1; j < kLast; ++j) out.push_back({j, &frames[j]});
  return out;
}

// The decoder's model of the clip between keyframes a and b with the regions that moved between
// them as layers (mode 3).
ClipModel model_with_moved_regions(const Frame& a, const Frame& b) {
  ClipModelOptions options;
  options.untracked_motion = true;
  return build_clip_model(a, b, {}, kLast, options);
}

// Where the object's texture sits in `f`: the integer corner (within +-20 px of the truth) with
// the least squared difference to the object.
std::pair<int, int> locate_object(const Frame& f, int truth_x, int truth_y) {
  double best = std::numeric_limits<double>::infinity();
  std::pair<int, int> at{0, 0};
  for (int cy = truth_y - 20; cy <= truth_y + 20; ++cy) {
    for (int cx = truth_x - 20; cx <= truth_x + 20; ++cx) {
      if (cx < 0 || cy < 0 || cx + kObject > kWidth || cy + kObject > kHeight) continue;
      double sum = 0;
      for (int v = 0; v < kObject; ++v) {
        for (int u = 0; u < kObject; ++u) {
          const double d = f.planes[0].at(cx + u, cy + v) - object_texture(u + 0.5, v + 0.5);
          sum += d * d;
        }
      }
      if (sum < best) best = sum, at = {cx, cy};
    }
  }
  return at;
}

TEST(KeyframeMotion, FindsTheObjectWithItsTrueDisplacement) {
  const Frame a = scene(0), b = scene(kLast);
  const std::vector<MovedRegion> regions = find_moved_regions(a, b, CameraMotion{});
  ASSERT_FALSE(regions.empty());
  for (const MovedRegion& r : regions) {
    EXPECT_EQ(r.dx, kMoveX);
    EXPECT_EQ(r.dy, kMoveY);
    for (const auto& [x, y] : r.points_a) {  // block centres on (or at the edge of) the object
      EXPECT_GE(x, kStartX - 8);
      EXPECT_LE(x, kStartX + kObject + 8);
      EXPECT_GE(y, kStartY - 8);
      EXPECT_LE(y, kStartY + kObject + 8);
    }
  }
  // The same keyframes again: the same regions (integer arithmetic, no state).
  const std::vector<MovedRegion> again = find_moved_regions(a, b, CameraMotion{});
  ASSERT_EQ(again.size(), regions.size());
  for (size_t i = 0; i < regions.size(); ++i) EXPECT_EQ(again[i].points_a, regions[i].points_a);
}

TEST(KeyframeMotion, BeatsTheBlendAndPutsTheObjectWhereTheTruthHasIt) {
  const std::vector<Frame> frames = clip(true);
  const Frame &a = frames.front(), &b = frames.back();
  const double camera = untracked_gain_db(a, b, kLast, in_between(frames), BackgroundMode::kCamera);
  const double motion = untracked_gain_db(a, b, kLast, in_between(frames), BackgroundMode::kCameraMotion);
  // The blend shows two half-contrast ghosts; the moved object is one whole object at its place.
  EXPECT_GT(motion, 6.0);
  EXPECT_GT(motion, camera + 4.0);
  const ClipBackground choice = choose_clip_background(a, b, kLast, in_between(frames), {});
  EXPECT_EQ(choice.mode, BackgroundMode::kCameraMotion);
  // The choice composes only the layers' box for the moved regions; the gain is the full frames'.
  EXPECT_NEAR(choice.motion_gain_db, motion, 1e-9);
  EXPECT_NEAR(choice.camera_gain_db, camera, 1e-9);
  // Without the motion candidate, the choice keeps what the plain camera-aware background gains.
  ClipBackgroundParams without;
  without.keyframe_motion = false;
  EXPECT_EQ(choose_clip_background(a, b, kLast, in_between(frames), without).mode,
            camera >= without.min_gain_db ? BackgroundMode::kCamera : BackgroundMode::kBlend);

  const ClipModel model = model_with_moved_regions(a, b);
  for (int j : {3, 6, 9}) {
    const Frame f = compose_clip_frame(model, a, b, j);
    const int truth_x = static_cast<int>(std::lround(kStartX + kMoveX * j / static_cast<double>(kLast)));
    const int truth_y = static_cast<int>(std::lround(kStartY + kMoveY * j / static_cast<double>(kLast)));
    const auto [x, y] = locate_object(f, truth_x, truth_y);
    EXPECT_LE(std::abs(x - truth_x), 1) << "frame " << j;
    EXPECT_LE(std::abs(y - truth_y), 1) << "frame " << j;
  }
}

TEST(KeyframeMotion, TheChoiceWeighsTheMovedRegionsAsTheDecoderComposesThem) {
  // A panning camera: the background moves too, so the part of each frame that the moved
  // regions change reaches as far as the camera takes the keyframes' occupied parts.
  const std::vector<Frame> frames = clip(true, 2.0);
  const Frame &a = frames.front(), &b = frames.back();
  const ClipModel model = model_with_moved_regions(a, b);
  ASSERT_FALSE(model.camera.identity);
  ASSERT_FALSE(model.layers.empty());
  const double motion = untracked_gain_db(a, b, kLast, in_between(frames), BackgroundMode::kCameraMotion);
  ClipBackgroundParams straight_only;
  straight_only.path_spacing = 0;
  const ClipBackground choice = choose_clip_background(a, b, kLast, in_between(frames), straight_only);
  EXPECT_EQ(choice.mode, BackgroundMode::kCameraMotion);
  EXPECT_NEAR(choice.motion_gain_db, motion, 1e-9);
  EXPECT_GT(motion, untracked_gain_db(a, b, kLast, in_between(frames), BackgroundMode::kCamera));
}

// Every composed plane of `masked` holds `full`'s sample where the luma pixel at the sample's
// centre is marked, and 0 elsewhere.
void expect_masked_composition(const Frame& full, const Frame& masked, const std::vector<uint8_t>& mask,
                               int planes, int j) {
  for (int p = 0; p < planes; ++p) {
    const Plane& plane = full.planes[p];
    const int sx = kWidth / plane.width, sy = kHeight / plane.height;
    for (int y = 0; y < plane.height; ++y) {
      for (int x = 0; x < plane.width; ++x) {
        const int cx = (2 * x + 1) * sx / 2, cy = (2 * y + 1) * sy / 2;  // floor((x + 0.5) * s)
        const bool marked = mask[static_cast<size_t>(cy) * kWidth + cx] != 0;
        ASSERT_EQ(masked.planes[p].at(x, y), marked ? plane.at(x, y) : 0)
            << "frame " << j << " plane " << p << " at " << x << "," << y;
      }
    }
  }
}

// The background choice composes the moved regions within their mask only: that must give the
// whole frame's samples at the marked pixels and 0 elsewhere, whole rows without a mark included.
// The layers' own mask for a model with moved regions (luma, as the choice composes), and
// scattered pixels for the camera alone (every plane).
TEST(KeyframeMotion, AMaskComposesItsPixelsAsTheWholeFrameDoes) {
  const std::vector<Frame> frames = clip(true, 2.0);
  const Frame &a = frames.front(), &b = frames.back();
  const ClipModel moving = model_with_moved_regions(a, b);
  const ClipModel camera = build_clip_model(a, b, {}, kLast);
  ASSERT_FALSE(moving.layers.empty());
  ASSERT_FALSE(camera.camera.identity);
  // Rows of scattered pixels, rows with only their last pixel marked, and empty rows.
  std::vector<uint8_t> scattered(static_cast<size_t>(kWidth) * kHeight, 0);
  for (int y = 0; y < kHeight; y += 3) {
    for (int x = y % 5; x < kWidth; x += 5 + y % 4) scattered[static_cast<size_t>(y) * kWidth + x] = 1;
    if (y + 1 < kHeight) scattered[static_cast<size_t>(y + 2) * kWidth - 1] = 1;
  }
  int empty_rows = 0;
  for (int j : {1, kLast / 2, kLast - 1}) {
    const std::vector<uint8_t> layers = layers_mask(moving, j);
    for (int y = 0; y < kHeight; ++y) {
      const auto row = layers.begin() + static_cast<ptrdiff_t>(y) * kWidth;
      empty_rows += std::count(row, row + kWidth, 0) == kWidth;
    }
    expect_masked_composition(compose_clip_frame(moving, a, b, j, true),
                              compose_clip_frame(moving, a, b, j, true, &layers), layers, 1, j);
    expect_masked_composition(compose_clip_frame(camera, a, b, j),
                              compose_clip_frame(camera, a, b, j, false, &scattered), scattered, 3, j);
  }
  EXPECT_GT(empty_rows, 0) << "the layers' masks should leave whole rows out";
}

// Luma squared error of a (2r+1)^2 patch of x and y around (cx, cy) (pixels inside both only).
double patch_error(const Frame& x, const Frame& y, double cx, double cy, int r) {
  double sum = 0;
  const int px = static_cast<int>(std::floor(cx)), py = static_cast<int>(std::floor(cy));
  for (int v = py - r; v <= py + r; ++v) {
    for (int u = px - r; u <= px + r; ++u) {
      if (u < 0 || v < 0 || u >= x.width() || v >= x.height()) continue;
      const double d = static_cast<double>(x.planes[0].at(u, v)) - y.planes[0].at(u, v);
      sum += d * d;
    }
  }
  return sum;
}

TEST(KeyframeMotion, MovesTheSyntheticSceneObjectsAlongTheirTruePaths) {
  // The synthetic generator's `crossing` scene (objects on straight paths with a wobble, the
  // camera zooming slightly), uncoded keyframes 0 and 12, no trajectory: around every object
  // point that the generator's ground truth moves by more than 4 px and shows in frames 0, 6 and
  // 12, the middle frame must look like the source there, where the blend shows two ghosts.
  SyntheticSpec spec;
  spec.scene = "crossing";
  spec.seed = 2;
  spec.width = kWidth;
  spec.height = kHeight;
  const SyntheticSequence sequence(spec);
  std::vector<Frame> frames;
  for (int j = 0; j <= kLast; ++j) frames.push_back(sequence.render(j));
  const Frame &a = frames.front(), &b = frames.back();
  const double motion = untracked_gain_db(a, b, kLast, in_between(frames), BackgroundMode::kCameraMotion);
  const double camera = untracked_gain_db(a, b, kLast, in_between(frames), BackgroundMode::kCamera);
  const ClipModel model = model_with_moved_regions(a, b);
  const int mid = kLast / 2;
  const Frame composed = compose_clip_frame(model, a, b, mid);
  Frame blended = a;
  for (size_t i = 0; i < blended.planes[0].samples.size(); ++i) {
    blended.planes[0].samples[i] = static_cast<uint16_t>(
        ((kLast - mid) * a.planes[0].samples[i] + mid * b.planes[0].samples[i] + kLast / 2) / kLast);
  }
  double motion_error = 0, blend_error = 0;
  int points = 0;
  for (int y = 4; y < kHeight; y += 8) {
    for (int x = 4; x < kWidth; x += 8) {
      const TrackPoint at_mid = sequence.track(x + 0.5, y + 0.5, 0, mid);
      const TrackPoint at_end = sequence.track(x + 0.5, y + 0.5, 0, kLast);
      if (!at_mid.visible || !at_end.visible || std::hypot(at_end.x - x - 0.5, at_end.y - y - 0.5) <= 4)
        continue;
      motion_error += patch_error(composed, frames[mid], at_mid.x, at_mid.y, 4);
      blend_error += patch_error(blended, frames[mid], at_mid.x, at_mid.y, 4);
      ++points;
    }
  }
  // Measured: 62 points, 0.29x of the blend's error; +3.0 dB over the blend (the camera-aware
  // background alone: -0.02 dB).
  ASSERT_GE(points, 20);
  EXPECT_LT(motion_error, 0.5 * blend_error);
  EXPECT_GT(motion, 2.0);
  EXPECT_GT(motion, camera + 2.0);
}

TEST(KeyframeMotion, DoesNothingWhereTheKeyframesAgree) {
  const std::vector<Frame> frames = clip(false);  // the object stands still
  const Frame &a = frames.front(), &b = frames.back();
  EXPECT_TRUE(find_moved_regions(a, b, CameraMotion{}).empty());
  const ClipModel moving = model_with_moved_regions(a, b);
  const ClipModel plain = build_clip_model(a, b, {}, kLast);
  EXPECT_TRUE(moving.layers.empty());
  for (int j : {1, 6, 11}) {
    EXPECT_EQ(compose_clip_frame(moving, a, b, j).planes[0].samples,
              compose_clip_frame(plain, a, b, j).planes[0].samples);
  }
  EXPECT_DOUBLE_EQ(untracked_gain_db(a, b, kLast, in_between(frames), BackgroundMode::kCameraMotion),
                   untracked_gain_db(a, b, kLast, in_between(frames), BackgroundMode::kCamera));
}

TEST(KeyframeMotion, WarpGeneratorFollowsTheClipsMode) {
  const std::vector<Frame> frames = clip(true);
  Video keyframes;
  keyframes.info.width = kWidth;
  keyframes.info.height = kHeight;
  keyframes.info.fps = {25, 1};
  keyframes.frames = {frames.front(), frames.back()};
  std::vector<ClipTrajectories> clips = {ClipTrajectories{kLast + 1, {}}};
  clips[0].background = BackgroundMode::kCameraMotion;
  const Video warped = warp_between_keyframes(keyframes, {0, kLast}, clips, kLast + 1);
  const ClipModel model = model_with_moved_regions(frames.front(), frames.back());
  for (int j = 1; j < kLast; ++j) {
    EXPECT_EQ(warped.frames[j].planes[0].samples,
              compose_clip_frame(model, frames.front(), frames.back(), j).planes[0].samples);
  }
  // Mode 1 (the camera alone) leaves the moved object to the steady background.
  clips[0].background = BackgroundMode::kCamera;
  const Video camera = warp_between_keyframes(keyframes, {0, kLast}, clips, kLast + 1);
  EXPECT_NE(camera.frames[6].planes[0].samples, warped.frames[6].planes[0].samples);
}

// The encoder sends mode 3 for the moving object by default, and never with `keyframe-motion: false`.
TEST(KeyframeMotion, TheEncoderTriesTheMovedRegionsUnlessTheKeyIsFalse) {
  Video source;
  source.info.width = kWidth;
  source.info.height = kHeight;
  source.info.fps = {25, 1};
  source.frames = clip(true);
  const TgvcCodec codec;
  const auto encode = [&](const std::string& keyframe_motion) {
    const std::map<std::string, std::string> params = {
        {"trajectory-scale", "0"}, {"keyframe-quality", "30"},           {"window", "100"},
        {"max-distance", "100"},   {"keyframe-motion", keyframe_motion}, {"camera-path-spacing", "0"}};
    return codec.encode(source, ParamSet::resolve(codec.param_specs(), params, "tgvc"));
  };
  const TgvcStream with = read_tgvc(encode("true").bitstream, "test");
  ASSERT_EQ(with.keyframes, std::vector<int>({0, kLast}));
  EXPECT_EQ(with.clips[0].background, BackgroundMode::kCameraMotion);
  const TgvcStream without = read_tgvc(encode("false").bitstream, "test");
  EXPECT_NE(without.clips[0].background, BackgroundMode::kCameraMotion);
  EXPECT_THROW(encode("maybe"), InputError);
}

}  // namespace
}  // namespace tgvc
