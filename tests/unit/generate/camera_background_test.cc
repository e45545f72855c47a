// The encoder's choice of the camera-aware background for clips without trajectories (docs/tgvc.md,
// "Camera-aware background"): on scenes whose camera path is known, the choice must take the
// camera where the camera moves linearly between the keyframes (the warp generator's model) and
// must not where the path swings out and back (a handheld camera) unless it may send the camera's
// path (camera_path_test.cc), and the decoder must follow the mode the stream carries.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "codecs/tgvc/blend_interpolation.h"
#include "codecs/tgvc/generate/clip_background_choice.h"
#include "codecs/tgvc/generate/layered_composer.h"
#include "codecs/tgvc/generate/warp_generator.h"
#include "codecs/tgvc/tgvc_codec.h"
#include "harness/core/error.h"
#include "tests/unit/generate/untracked_gain.h"
#include "tests/unit/generate/value_noise.h"

namespace tgvc {
namespace {

using generate_test::untracked_gain_db;
using generate_test::value_noise;

constexpr int kWidth = 256, kHeight = 160, kLast = 12;

double texture(double x, double y) {
  return 40 + 120 * value_noise(x, y, 9, 1) + 80 * value_noise(x, y, 31, 2);
}

// The scene seen by a camera shifted by (ox, oy): pixel p shows the texture at p + (ox, oy).
Frame view(double ox, double oy) {
  Frame f = Frame::allocate(kWidth, kHeight, PixelFormat{}, 128);
  for (int y = 0; y < kHeight; ++y) {
    for (int x = 0; x < kWidth; ++x) {
      f.planes[0].at(x, y) =
          static_cast<uint16_t>(std::lround(std::clamp(texture(x + 0.5 + ox, y + 0.5 + oy), 0.0, 255.0)));
    }
  }
  return f;
}

// A pan at constant speed: the camera model's straight line between the keyframes is the truth.
Frame linear_pan(int j) {
  return view(1.5 * j, 0.5 * j);
}

// A handheld swing: the keyframes are 6 px apart, but in between the camera swings 14 px further
// out and comes back, so a straight line between the keyframes misplaces every in-between frame.
Frame swing(int j) {
  const double t = static_cast<double>(j) / kLast;
  return view(6 * t + 14 * std::sin(M_PI * t), 0);
}

template <typename Path>
Video clip_of(Path path) {
  Video v;
  v.info.width = kWidth;
  v.info.height = kHeight;
  v.info.fps = {25, 1};
  for (int j = 0; j <= kLast; ++j) v.frames.push_back(path(j));
  return v;
}

std::vector<ClipFrame> in_between(const Video& clip) {
  std::vector<ClipFrame> out;
  for (int j = 1; j < kLast; ++j) out.push_back({j, &clip.frames[j]});
  return out;
}

double luma_mse(const Video& x, const Video& y) {
  double sum = 0;
  size_t n = 0;
  for (int f = 0; f < x.frame_count(); ++f) {
    for (size_t i = 0; i < x.frames[f].planes[0].samples.size(); ++i) {
      const double d =
          static_cast<double>(x.frames[f].planes[0].samples[i]) - y.frames[f].planes[0].samples[i];
      sum += d * d;
      ++n;
    }
  }
  return sum / n;
}

TEST(CameraBackground, GainIsLargeForALinearPanAndNegativeForASwing) {
  const Video pan = clip_of(linear_pan);
  const double pan_gain = untracked_gain_db(pan.frames.front(), pan.frames.back(), kLast, in_between(pan),
                                            BackgroundMode::kCamera);
  EXPECT_GT(pan_gain, 3.0);
  const Video swung = clip_of(swing);
  const double swing_gain = untracked_gain_db(swung.frames.front(), swung.frames.back(), kLast,
                                              in_between(swung), BackgroundMode::kCamera);
  EXPECT_LT(swing_gain, 0.0);
  // The gain is what the decoder gets: 10 log10 of the blend's error over the camera's.
  Video keyframes;
  keyframes.info = pan.info;
  keyframes.frames = {pan.frames.front(), pan.frames.back()};
  ClipTrajectories with_camera{kLast + 1, {}};
  with_camera.background = BackgroundMode::kCamera;
  const Video warped = warp_between_keyframes(keyframes, {0, kLast}, {with_camera}, kLast + 1);
  const Video blended = blend_between_keyframes(keyframes, {0, kLast}, kLast + 1);
  EXPECT_NEAR(10 * std::log10(luma_mse(blended, pan) / luma_mse(warped, pan)), pan_gain, 1e-9);
  // The luma-only composition the gain uses is the full composition's luma.
  const ClipModel model = build_clip_model(pan.frames.front(), pan.frames.back(), {}, kLast);
  for (int j : {1, 6, 11}) {
    const Frame full = compose_clip_frame(model, pan.frames.front(), pan.frames.back(), j);
    const Frame luma = compose_clip_frame(model, pan.frames.front(), pan.frames.back(), j, true);
    EXPECT_EQ(luma.planes[0].samples, full.planes[0].samples) << j;
    EXPECT_EQ(luma.planes[1].samples, pan.frames.front().planes[1].samples) << j;
  }
  // Without the flag the warp generator is still exactly the blend.
  const Video plain =
      warp_between_keyframes(keyframes, {0, kLast}, {ClipTrajectories{kLast + 1, {}}}, kLast + 1);
  for (int f = 0; f <= kLast; ++f)
    EXPECT_EQ(plain.frames[f].planes[0].samples, blended.frames[f].planes[0].samples);
  // The encoder's choice measures the same gain. No frame: nothing to gain, the blend; a frame
  // outside the clip is an input error.
  EXPECT_NEAR(choose_clip_background(pan.frames.front(), pan.frames.back(), kLast, in_between(pan), {})
                  .camera_gain_db,
              pan_gain, 1e-9);
  const ClipBackground none = choose_clip_background(pan.frames[0], pan.frames[1], kLast, {}, {});
  EXPECT_EQ(none.camera_gain_db, 0.0);
  EXPECT_EQ(none.mode, BackgroundMode::kBlend);
  EXPECT_THROW(choose_clip_background(pan.frames[0], pan.frames[1], kLast, {{kLast, &pan.frames[1]}}, {}),
               InputError);
}

struct Coded {
  TgvcStream stream;
  Video warp;
  Video blend;
};

Coded encode(const Video& source, std::map<std::string, std::string> params) {
  const TgvcCodec codec;
  params["trajectory-scale"] = "0";
  params["keyframe-quality"] = "30";
  params["window"] = "100";  // one clip: the keyframes are the first and the last frame
  params["max-distance"] = "100";
  Encoded encoded = codec.encode(source, ParamSet::resolve(codec.param_specs(), params, "tgvc"));
  Coded out;
  out.stream = read_tgvc(encoded.bitstream, "test");
  encoded.decoder_options["generator"] = "warp";
  out.warp = codec.decode(encoded);
  encoded.decoder_options["generator"] = "blend";
  out.blend = codec.decode(encoded);
  return out;
}

TEST(CameraBackground, TheEncoderSignalsTheCameraForAPanAndNotForASwing) {
  const Video pan = clip_of(linear_pan);
  const Coded panned = encode(pan, {});
  ASSERT_EQ(panned.stream.keyframes, std::vector<int>({0, kLast}));
  ASSERT_TRUE(panned.stream.clips[0].tracks.empty());
  // A linear pan needs no path: the straight line is the truth.
  EXPECT_EQ(panned.stream.clips[0].background, BackgroundMode::kCamera);
  EXPECT_LT(luma_mse(panned.warp, pan), 0.5 * luma_mse(panned.blend, pan));

  const Video swung = clip_of(swing);
  // Without a sent path (camera_path_test.cc has the swing with one) the straight camera loses.
  const Coded swinging = encode(swung, {{"camera-path-spacing", "0"}});
  ASSERT_EQ(swinging.stream.keyframes, std::vector<int>({0, kLast}));
  EXPECT_EQ(swinging.stream.clips[0].background, BackgroundMode::kBlend);
  for (int f = 0; f <= kLast; ++f)
    EXPECT_EQ(swinging.warp.frames[f].planes[0].samples, swinging.blend.frames[f].planes[0].samples) << f;

  // The threshold is the encoder's: out of reach, the pan is blended too.
  const Coded strict = encode(pan, {{"camera-background-gain", "1000"}});
  EXPECT_EQ(strict.stream.clips[0].background, BackgroundMode::kBlend);
  EXPECT_EQ(strict.warp.frames[kLast / 2].planes[0].samples,
            strict.blend.frames[kLast / 2].planes[0].samples);
}

}  // namespace
}  // namespace tgvc
