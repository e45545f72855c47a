// The x265 command line through `type: external` (configs/codecs/x265-cli.yaml) against the
// in-process x265 codec: the same library with the same settings writes the same bytes, and an
// independent decoder (ffmpeg's) gives the same frames, so every metric agrees.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "codecs/codec.h"
#include "harness/config/experiment.h"
#include "tests/unit/external/external_test_support.h"

namespace tgvc {
namespace {

bool on_path(const std::string& program) {
  return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

// The rate point of the preset as a config resolves it, with `params` set in the entry.
std::map<std::string, std::string> preset_point(const std::string& params) {
  const Experiment e = parse_experiment(
      "experiment: t\ndatasets:\n  - synthetic: {name: a}\ncodecs:\n  - {preset: x265-cli, params: " +
          params + "}\n",
      std::string(TGVC_SOURCE_DIR) + "/configs/x265_cli_test.yaml");
  return e.codecs.at(0).rate_points.at(0).params;
}

void expect_same_as_in_process(const Video& source, const std::string& qp, int keyint) {
  const Codec* x265 = find_codec("x265");
  const Codec* external = find_codec("external");
  ASSERT_NE(x265, nullptr);
  const std::map<std::string, std::string> in_process = {
      {"preset", "medium"}, {"qp", qp}, {"keyint", std::to_string(keyint)}};
  const Encoded a = x265->encode(source, ParamSet::resolve(x265->param_specs(), in_process, "x265"));
  const std::map<std::string, std::string> point =
      preset_point("{qp: " + qp + ", keyint: " + std::to_string(keyint) + ", timeout: 60}");  // no hang
  const Encoded b = external->encode(source, ParamSet::resolve(external->param_specs(), point, "external"));
  EXPECT_EQ(a.bitstream.size(), b.bitstream.size());
  EXPECT_TRUE(a.bitstream == b.bitstream) << "the CLI's stream differs from the library's";
  const Video da = x265->decode(a);
  const Video db = external->decode(b);
  ASSERT_EQ(da.frame_count(), db.frame_count());
  for (int f = 0; f < da.frame_count(); ++f) {
    for (int p = 0; p < 3; ++p) {
      ASSERT_TRUE(da.frames[f].planes[p].samples == db.frames[f].planes[p].samples) << "frame " << f;
    }
  }
}

TEST(X265Cli, GivesTheInProcessCodecsBytesAndFrames) {
  if (!on_path("x265") || !on_path("ffmpeg"))
    GTEST_SKIP() << "x265 or ffmpeg not installed (scripts/install-deps.sh)";
  expect_same_as_in_process(test_video(128, 96, 6), "37", 250);
  expect_same_as_in_process(test_video(128, 96, 5, 10), "45", 2);
}

// An odd size is padded (whole-chroma in the preset) as the in-process codec pads it: the same
// bytes, and a decode cropped back to the source's size. Without the padding x265 refuses the
// size and the CLI crashes or hangs.
TEST(X265Cli, PadsAnOddSizeAsTheInProcessCodec) {
  if (!on_path("x265") || !on_path("ffmpeg"))
    GTEST_SKIP() << "x265 or ffmpeg not installed (scripts/install-deps.sh)";
  const Video source = test_video(203, 181, 3);
  expect_same_as_in_process(source, "30", 250);
  const Codec* external = find_codec("external");
  const Encoded e = external->encode(
      source, ParamSet::resolve(external->param_specs(), preset_point("{qp: 30, timeout: 60}"), "external"));
  EXPECT_EQ(e.coded_width, 204);
  EXPECT_EQ(e.coded_height, 182);
  const Video decoded = external->decode(e);
  ASSERT_EQ(decoded.frame_count(), 3);
  EXPECT_EQ(decoded.info.width, 203);
  EXPECT_EQ(decoded.frames[0].width(), 203);
  EXPECT_EQ(decoded.frames[0].height(), 181);
}

}  // namespace
}  // namespace tgvc
