// The presets whose programs are Debian packages (configs/codecs/aomenc.yaml, svt-av1.yaml), run
// for real: their rate is the stream file's bytes and their decode equals what an independent
// decoder (the in-process aom codec's dav1d) makes of the same bytes.
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

std::map<std::string, std::string> preset_point(const std::string& preset, const std::string& params) {
  const Experiment e =
      parse_experiment("experiment: t\ndatasets:\n  - synthetic: {name: a}\ncodecs:\n  - {preset: " + preset +
                           ", params: " + params + "}\n",
                       std::string(TGVC_SOURCE_DIR) + "/configs/debian_presets_test.yaml");
  return e.codecs.at(0).rate_points.at(0).params;
}

Encoded encode_preset(const Video& source, const std::string& preset, const std::string& params) {
  const Codec* external = find_codec("external");
  return external->encode(
      source, ParamSet::resolve(external->param_specs(), preset_point(preset, params), "external"));
}

// dav1d through the in-process aom codec's decoder, given the OBU stream.
Video dav1d_decode(const Encoded& external, std::vector<uint8_t> obus) {
  const Codec* aom = find_codec("aom");
  Encoded e;
  e.codec_id = "aom";
  e.info = external.info;
  e.frame_count = external.frame_count;
  e.coded_width = external.coded_width;
  e.coded_height = external.coded_height;
  e.bitstream = std::move(obus);
  return aom->decode(e);
}

void expect_same_frames(const Video& a, const Video& b) {
  ASSERT_EQ(a.frame_count(), b.frame_count());
  for (int f = 0; f < a.frame_count(); ++f) {
    for (int p = 0; p < 3; ++p)
      ASSERT_TRUE(a.frames[f].planes[p].samples == b.frames[f].planes[p].samples) << f;
  }
}

uint32_t le32(const std::vector<uint8_t>& b, size_t at) {
  return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (static_cast<uint32_t>(b[at + 3]) << 24);
}

TEST(DebianPresets, AomencWritesAnObuStreamThatDav1dDecodesAsAomdecDoes) {
  if (!on_path("aomenc") || !on_path("aomdec") || !find_codec("aom"))
    GTEST_SKIP() << "aom-tools not installed";
  const Video source = test_video(128, 96, 4);
  const Encoded e = encode_preset(source, "aomenc", "{cq-level: 40, cpu-used: 8}");
  ASSERT_EQ(e.components.size(), 1u);
  EXPECT_EQ(e.components[0].bytes, e.bitstream.size());
  // Section 5 OBUs: the first is a temporal delimiter (obu_type 2, has_size_field, size 0).
  ASSERT_GE(e.bitstream.size(), 2u);
  EXPECT_EQ(e.bitstream[0], 0x12);
  EXPECT_EQ(e.bitstream[1], 0x00);
  expect_same_frames(find_codec("external")->decode(e), dav1d_decode(e, e.bitstream));
}

TEST(DebianPresets, SvtAv1WritesIvfWhoseFramesDav1dDecodesAsFfmpegDoes) {
  if (!on_path("SvtAv1EncApp") || !on_path("ffmpeg") || !find_codec("aom"))
    GTEST_SKIP() << "svt-av1 not installed";
  const Video source = test_video(128, 96, 4);
  const Encoded e = encode_preset(source, "svt-av1", "{crf: 45, preset: 10}");
  // IVF: "DKIF", a 32-byte header, then per frame a 12-byte header (size, timestamp) and data:
  // the file's bytes are the rate, container included.
  ASSERT_GE(e.bitstream.size(), 32u);
  EXPECT_EQ(std::string(e.bitstream.begin(), e.bitstream.begin() + 4), "DKIF");
  std::vector<uint8_t> obus;
  size_t at = 32;
  int frames = 0;
  while (at + 12 <= e.bitstream.size()) {
    const uint32_t size = le32(e.bitstream, at);
    ASSERT_LE(at + 12 + size, e.bitstream.size());
    obus.insert(obus.end(), e.bitstream.begin() + static_cast<std::ptrdiff_t>(at + 12),
                e.bitstream.begin() + static_cast<std::ptrdiff_t>(at + 12 + size));
    at += 12 + size;
    ++frames;
  }
  EXPECT_EQ(at, e.bitstream.size());
  EXPECT_GE(frames, 1);
  expect_same_frames(find_codec("external")->decode(e), dav1d_decode(e, obus));
}

}  // namespace
}  // namespace tgvc
