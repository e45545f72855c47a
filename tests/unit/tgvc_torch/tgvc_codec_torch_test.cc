// The tgvc codec with `embedder: <file>` and `tracker: <file>`.
#include <algorithm>
#include <cmath>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "codecs/tgvc/tgvc_codec.h"
#include "codecs/tgvc/tgvc_encoder.h"
#include "harness/core/lcg.h"
#include "tests/unit/tgvc_torch/tgvc_torch_test_util.h"

namespace tgvc {
namespace {

using torch_test::expect_input_error;
using torch_test::module_path;

ParamSet params(std::map<std::string, std::string> given) {
  return ParamSet::resolve(TgvcCodec().param_specs(), given, "tgvc");
}

// A static textured picture, luma offset by `brightness(frame)`; chroma neutral.
Video textured_yuv(int width, int height, int frames, const std::function<int(int)>& brightness) {
  Video v = torch_test::yuv_video(width, height, frames);
  for (int f = 0; f < frames; ++f) {
    Lcg r(11);
    for (uint16_t& s : v.frames[f].planes[0].samples)
      s = static_cast<uint16_t>(brightness(f) + r.next() % 61);
  }
  return v;
}

bool contains(const std::vector<int>& v, int x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST(TgvcCodecTorch, KeyframesFollowTheTorchScriptEmbedder) {
  // A brightness step after frame 7: embedder_pool (channel means around mean 0.5) sees a cut; the
  // thumbnail, zero-mean per part, sees the same picture.
  const Video source = textured_yuv(128, 80, 16, [](int f) { return f < 8 ? 40 : 140; });
  const TgvcEncoded torch =
      tgvc_encode(source, tgvc_params_from(params({{"embedder", module_path("embedder_pool.pt")}})));
  EXPECT_TRUE(contains(torch.keyframe_indices, 7) && contains(torch.keyframe_indices, 8))
      << ::testing::PrintToString(torch.keyframe_indices);
  const TgvcEncoded thumbnail = tgvc_encode(source, tgvc_params_from(params({})));
  EXPECT_FALSE(contains(thumbnail.keyframe_indices, 7) && contains(thumbnail.keyframe_indices, 8))
      << ::testing::PrintToString(thumbnail.keyframe_indices);
}

TEST(TgvcCodecTorch, TrajectoriesComeFromTheTorchScriptTracker) {
  // tracker_split moves the points left of the middle by 2 px per frame of the clip it is given
  // (to the right from the first frame's grid, to the left in clip order from the last frame's) and
  // holds the others still; only moving instances are sent. The picture itself is static.
  const Video source = textured_yuv(128, 80, 20, [](int) { return 60; });
  const std::map<std::string, std::string> given = {{"embedder", module_path("embedder_grid.pt")},
                                                    {"tracker", module_path("tracker_split.pt")},
                                                    {"grid", "16"},
                                                    {"quant-step", "1"},
                                                    {"min-motion", "0.5"},
                                                    {"min-importance-motion", "0"}};
  const TgvcEncoded coded = tgvc_encode(source, tgvc_params_from(params(given)));
  const TgvcStream stream = read_tgvc(coded.bytes, "test");
  int sent = 0;
  for (const ClipTrajectories& clip : stream.clips) {
    for (const CodedTrack& t : clip.tracks) {
      ++sent;
      const int last = clip.frames - 1;
      EXPECT_NEAR(std::abs(t.x[last] - t.x[0]), 2.0 * last, 1.01);
      EXPECT_NEAR(t.y[last], t.y[0], 1.01);
      EXPECT_EQ(std::count(t.visible.begin(), t.visible.end(), 1), clip.frames);
    }
  }
  EXPECT_GT(sent, 0);
  // The built-in tracker sees a static picture: nothing moves, nothing is sent.
  std::map<std::string, std::string> flow = given;
  flow.erase("tracker");
  for (const ClipTrajectories& clip :
       read_tgvc(tgvc_encode(source, tgvc_params_from(params(flow))).bytes, "t").clips) {
    EXPECT_TRUE(clip.tracks.empty());
  }
}

TEST(TgvcCodecTorch, EncodesAndDecodesThroughTheCodecDeterministically) {
  const Video source = textured_yuv(128, 80, 12, [](int f) { return 50 + 3 * f; });
  const ParamSet p = params({{"embedder", module_path("embedder_grid.pt")},
                             {"tracker", module_path("tracker_velocity.pt")},
                             {"grid", "8"}});
  const TgvcCodec codec;
  const Encoded a = codec.encode(source, p);
  const Encoded b = codec.encode(source, p);
  EXPECT_EQ(a.bitstream, b.bitstream);
  const Video decoded = codec.decode(a);
  EXPECT_EQ(decoded.frame_count(), 12);
  EXPECT_EQ(decoded.info.width, 128);
  EXPECT_EQ(decoded.info.height, 80);
}

TEST(TgvcCodecTorch, MissingModelFileFailsTheEncodeNamingTheSettingAndFile) {
  const Video source = textured_yuv(64, 48, 4, [](int) { return 60; });
  const TgvcCodec codec;
  expect_input_error(
      [&] {
        codec.encode(source, params({{"embedder", "/nonexistent/clip.pt"}}));
      },
      "tgvc embedder", {"/nonexistent/clip.pt", "no such file", "tgvc-bench models"});
  expect_input_error(
      [&] {
        codec.encode(source, params({{"tracker", "cotracker3.pt"}}));
      },
      "tgvc tracker", {"'cotracker3.pt' (no such file)", "tgvc-bench models fetch cotracker3-offline"});
  const std::string wrong = module_path("tracker_wide.pt");
  expect_input_error(
      [&] {
        codec.encode(source, params({{"tracker", wrong}}));
      },
      "tgvc tracker " + wrong, {"tracks of shape"});
}

}  // namespace
}  // namespace tgvc
