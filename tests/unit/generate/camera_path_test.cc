// A sent camera path (docs/tgvc.md, "Camera-aware background"): where the camera between the
// keyframes swings out and back, the straight line loses to the blend, and the path the encoder
// estimates, quantises and sends must win over both; the decoder follows exactly what the encoder
// measured.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <gtest/gtest.h>

#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "codecs/tgvc/generate/camera_path.h"
#include "codecs/tgvc/generate/clip_background_choice.h"
#include "codecs/tgvc/generate/layered_composer.h"
#include "codecs/tgvc/generate/warp_generator.h"
#include "codecs/tgvc/tgvc_codec.h"
#include "tests/unit/generate/value_noise.h"

namespace tgvc {
namespace {

using generate_test::value_noise;

constexpr int kWidth = 256, kHeight = 160, kLast = 24;

// The scene seen by a camera shifted by (ox, oy): pixel p shows the texture at p + (ox, oy).
Frame view(double ox, double oy) {
  Frame f = Frame::allocate(kWidth, kHeight, PixelFormat{}, 128);
  for (int y = 0; y < kHeight; ++y) {
    for (int x = 0; x < kWidth; ++x) {
      const double v = 40 + 120 * value_noise(x + 0.5 + ox, y + 0.5 + oy, 9, 1) +
                       80 * value_noise(x + 0.5 + ox, y + 0.5 + oy, 31, 2);
      f.planes[0].at(x, y) = static_cast<uint16_t>(std::lround(std::clamp(v, 0.0, 255.0)));
    }
  }
  return f;
}

// A handheld swing: the keyframes are 6 px apart horizontally, but in between the camera swings
// 16 px further out (and 5 px down) and comes back.
double swing_x(double t) {
  return 6 * t + 16 * std::sin(M_PI * t);
}
double swing_y(double t) {
  return 5 * std::sin(M_PI * t);
}

Video swing_clip() {
  Video v;
  v.info.width = kWidth;
  v.info.height = kHeight;
  v.info.fps = {25, 1};
  for (int j = 0; j <= kLast; ++j) {
    const double t = static_cast<double>(j) / kLast;
    v.frames.push_back(view(swing_x(t), swing_y(t)));
  }
  return v;
}

double luma_mse(const Frame& x, const Frame& y) {
  double sum = 0;
  for (size_t i = 0; i < x.planes[0].samples.size(); ++i) {
    const double d = static_cast<double>(x.planes[0].samples[i]) - y.planes[0].samples[i];
    sum += d * d;
  }
  return sum / x.planes[0].samples.size();
}

TEST(CameraPath, WithoutAPathTheCameraIsTheStraightLine) {
  CameraMotion camera;
  camera.identity = false;
  camera.m = {1.01, 0.02, 7.5, -0.01, 0.99, -3.25};
  for (double t : {0.0, 0.3, 0.5, 1.0}) {
    const std::array<double, 6> c = camera.at(t);
    const std::array<double, 6> id = {1, 0, 0, 0, 1, 0};
    for (int i = 0; i < 6; ++i) EXPECT_DOUBLE_EQ(c[i], id[i] + t * (camera.m[i] - id[i])) << t << " " << i;
  }
  // A knot with no correction keeps every position on the straight line.
  const CameraMotion same = follow_camera_path(camera, {CameraPathKnot{6, {}}}, 12, kWidth, kHeight);
  ASSERT_EQ(same.path.size(), 1u);
  for (double t : {0.25, 0.5, 0.8}) {
    double ax = 0, ay = 0, bx = 0, by = 0, sx = 0, sy = 0, tx = 0, ty = 0;
    same.to_keyframes(t, 100.5, 40.5, &ax, &ay, &bx, &by);
    camera.to_keyframes(t, 100.5, 40.5, &sx, &sy, &tx, &ty);
    EXPECT_NEAR(ax, sx, 1e-9);
    EXPECT_NEAR(ay, sy, 1e-9);
    EXPECT_NEAR(bx, tx, 1e-9);
    EXPECT_NEAR(by, ty, 1e-9);
  }
}

TEST(CameraPath, AKnotCarriesTheCameraToWithinAnEighthOfAPixel) {
  CameraMotion straight;
  straight.identity = false;
  straight.m = {1, 0, 6, 0, 1, 0};
  CameraMotion truth;  // A -> frame 8 of 16: rotated by 1 degree, shifted by (20.3, -4.6)
  truth.identity = false;
  const double c = std::cos(M_PI / 180), s = std::sin(M_PI / 180);
  truth.m = {c, -s, 20.3, s, c, -4.6};
  const CameraPathKnot knot = camera_path_knot(straight, truth, 8, 16, kWidth, kHeight);
  EXPECT_EQ(knot.frame, 8);
  const CameraMotion path = follow_camera_path(straight, {knot}, 16, kWidth, kHeight);
  const std::array<double, 6> m = path.at(0.5);
  for (double x : {0.0, 128.0, 256.0}) {
    for (double y : {0.0, 80.0, 160.0}) {
      const double ex = m[0] * x + m[1] * y + m[2] - (truth.m[0] * x + truth.m[1] * y + truth.m[2]);
      const double ey = m[3] * x + m[4] * y + m[5] - (truth.m[3] * x + truth.m[4] * y + truth.m[5]);
      // 1/16 px at each of three corners, at most three such errors at the far corner.
      EXPECT_LE(std::hypot(ex, ey), 3 * std::hypot(1.0, 1.0) / 16) << x << ", " << y;
    }
  }
  // Halfway to the knot the camera is halfway between the identity and the knot's camera.
  const std::array<double, 6> quarter = path.at(0.25);
  for (int i = 0; i < 6; ++i) EXPECT_NEAR(quarter[i], 0.5 * ((i == 0 || i == 4 ? 1 : 0) + m[i]), 1e-12);
  EXPECT_EQ(camera_path_frames(24, 3), std::vector<int>({6, 12, 18}));
  EXPECT_EQ(camera_path_frames(2, 3), std::vector<int>({1}));
}

TEST(CameraPath, TheSentPathBeatsTheStraightLineAndTheBlendOnASwing) {
  const Video clip = swing_clip();
  std::vector<ClipFrame> frames;
  for (int j = 1; j < kLast; ++j) frames.push_back({j, &clip.frames[j]});
  const ClipBackground chosen =
      choose_clip_background(clip.frames.front(), clip.frames.back(), kLast, frames, ClipBackgroundParams{});
  std::printf("swing: straight camera %+.2f dB, sent path %+.2f dB over the blend\n", chosen.camera_gain_db,
              chosen.path_gain_db);
  EXPECT_LT(chosen.camera_gain_db, 0.0);  // the straight line is worse than the blend
  ASSERT_TRUE(chosen.path_measured);
  EXPECT_EQ(chosen.mode, BackgroundMode::kCameraPath);
  EXPECT_EQ(chosen.camera_path.size(), 3u);  // one knot per 6 frames
  EXPECT_GT(chosen.path_gain_db, 6.0);
  EXPECT_GT(chosen.path_gain_db, chosen.camera_gain_db + 6.0);
  // Without a path the choice is the blend (the earlier rule).
  ClipBackgroundParams no_path;
  no_path.path_spacing = 0;
  EXPECT_EQ(choose_clip_background(clip.frames.front(), clip.frames.back(), kLast, frames, no_path).mode,
            BackgroundMode::kBlend);
}

TEST(CameraPath, TheDecoderFollowsThePathTheEncoderSent) {
  const Video source = swing_clip();
  const TgvcCodec codec;
  Encoded encoded = codec.encode(
      source,
      ParamSet::resolve(
          codec.param_specs(),
          {{"trajectory-scale", "0"}, {"keyframe-quality", "30"}, {"window", "100"}, {"max-distance", "100"}},
          "tgvc"));
  const TgvcStream stream = read_tgvc(encoded.bitstream, "swing");
  ASSERT_EQ(stream.keyframes, std::vector<int>({0, kLast}));
  ASSERT_EQ(stream.clips[0].background, BackgroundMode::kCameraPath);
  ASSERT_EQ(stream.clips[0].camera_path.size(), 3u);
  encoded.decoder_options["generator"] = "warp";
  const Video warp = codec.decode(encoded);
  encoded.decoder_options["generator"] = "blend";
  const Video blend = codec.decode(encoded);
  double warp_error = 0, blend_error = 0;
  for (int j = 1; j < kLast; ++j) {
    warp_error += luma_mse(warp.frames[j], source.frames[j]);
    blend_error += luma_mse(blend.frames[j], source.frames[j]);
  }
  EXPECT_LT(warp_error, 0.25 * blend_error);  // more than 6 dB better
  // The knots follow the swing: at frame 12 (t = 1/2) the camera is 16 px right of the straight line
  // and 5 px down (texture moves the other way: the frame shows the scene at p + offset).
  const CameraPathKnot& middle = stream.clips[0].camera_path[1];
  EXPECT_EQ(middle.frame, 12);
  for (int k = 0; k < 3; ++k) {
    EXPECT_NEAR(middle.eighths[2 * k] / 8.0, -16, 1.0) << k;
    EXPECT_NEAR(middle.eighths[2 * k + 1] / 8.0, -5, 1.0) << k;
  }
}

}  // namespace
}  // namespace tgvc
