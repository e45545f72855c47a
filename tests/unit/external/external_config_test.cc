// `type: external` and `preset:` in configs: lists and mappings as params, placeholders checked
// at file:line:column, presets merged with the entry's params and sweep.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/config/experiment.h"
#include "harness/core/error.h"
#include "harness/core/string_lists.h"
#include "tests/unit/external/external_test_support.h"

namespace tgvc {
namespace {

using ::testing::HasSubstr;

std::string error_of(const std::string& text, const std::string& path = "exp.yaml") {
  try {
    parse_experiment(text, path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

const char* kHead = "experiment: t\ndatasets:\n  - synthetic: {name: a}\ncodecs:\n";

TEST(ExternalConfig, ListsAndMappingsBecomeCanonicalTexts) {
  const Experiment e = parse_experiment(std::string(kHead) + R"(  - name: svt
    type: external
    params:
      encode: [SvtAv1EncApp, -i, "{input}", -b, "{bitstream}", --crf, "{crf}", --preset, "8"]
      decode: [ffmpeg, -v, error, -i, "{bitstream}", -f, yuv4mpegpipe, "{output}"]
      bitstream: stream.ivf
      env: {CUDA_VISIBLE_DEVICES: "", PYTHONPATH: /opt/a b}
    sweep: {crf: [55, 63]}
)",
                                        "exp.yaml");
  ASSERT_EQ(e.codecs.size(), 1u);
  ASSERT_EQ(e.codecs[0].rate_points.size(), 2u);
  const auto& p = e.codecs[0].rate_points[1].params;
  EXPECT_EQ(p.at("encode"),
            R"(["SvtAv1EncApp","-i","{input}","-b","{bitstream}","--crf","{crf}","--preset","8"])");
  EXPECT_EQ(p.at("env"), R"({"CUDA_VISIBLE_DEVICES":"","PYTHONPATH":"/opt/a b"})");
  EXPECT_EQ(p.at("crf"), "63");
  EXPECT_EQ(e.codecs[0].rate_points[1].label, "crf=63");
}

TEST(ExternalConfig, APlaceholderTypoIsAnErrorAtItsItem) {
  const std::string msg = error_of(std::string(kHead) + R"(  - name: svt
    type: external
    params:
      encode: [SvtAv1EncApp, -i, "{input}",
               --crf, "{crff}"]
      decode: [ffmpeg, -i, "{bitstream}", "{output}"]
      bitstream: stream.ivf
    sweep: {crf: [55, 63]}
)");
  EXPECT_THAT(msg, HasSubstr("exp.yaml:9:23: codecs[0].params.encode[4]"));
  EXPECT_THAT(msg, HasSubstr("'{crf}'"));
  EXPECT_THAT(msg, HasSubstr("unknown placeholder '{crff}'"));
  // A brace that closes nothing.
  EXPECT_THAT(error_of(std::string(kHead) +
                       R"(  - {type: external, params: {encode: [a, "{input"], decode: [b], bitstream: s}}
)"),
              HasSubstr("exp.yaml:5:43: codecs[0].params.encode[1]"));
  // A scalar where the argv list belongs.
  EXPECT_THAT(error_of(std::string(kHead) +
                       R"(  - {type: external, params: {encode: "x265 -o out", decode: [b], bitstream: s}}
)"),
              HasSubstr("exp.yaml:5:39: codecs[0].params.encode: expected a list of strings"));
}

TEST(ExternalConfig, UserKeysAreOpenButContractKeysAreChecked) {
  EXPECT_EQ(
      error_of(
          std::string(kHead) +
          R"(  - {type: external, params: {encode: [a, "{vtm-bin}/x"], decode: [b], bitstream: s, vtm-bin: /opt}}
)"),
      "no error");
  EXPECT_THAT(
      error_of(std::string(kHead) +
               R"(  - {type: external, params: {encode: [a], decode: [b], bitstream: s, timeout: soon}}
)"),
      HasSubstr("codecs[0].params.timeout"));
  EXPECT_THAT(
      error_of(std::string(kHead) +
               R"(  - {type: external, params: {encode: [a], decode: [b], bitstream: s, input-format: mp4}}
)"),
      HasSubstr("one of y4m, yuv, png"));
}

// A preset directory beside the config, as configs/codecs/ is beside configs/*.yaml.
struct PresetTree {
  const TempDir dir{"tgvc-ext-test-"};
  PresetTree() {
    std::filesystem::create_directories(dir.file("codecs"));
    std::filesystem::create_directories(dir.file("paper"));
    std::ofstream(dir.file("codecs/fake-ra.yaml")) << R"(# a fake preset
type: external
description: a fake encoder
source: written by the test
params:
  encode: [fake-enc, "{input}", "{bitstream}", --qp, "{qp}", --cfg, "{cfg}"]
  decode: [fake-dec, "{bitstream}", "{output}"]
  bitstream: stream.bin
  cfg: ra.cfg
  qp: 32
sweep: {qp: [22, 27]}
)";
  }
  std::string config(const std::string& entries, const std::string& name = "exp.yaml") const {
    const std::string path = dir.file(name);
    std::ofstream(path) << std::string(kHead) << entries;
    return path;
  }
};

TEST(ExternalConfig, APresetGivesTypeParamsAndSweepThatTheEntryOverrides) {
  PresetTree tree;
  const Experiment plain = load_experiment(tree.config("  - {preset: fake-ra}\n"));
  ASSERT_EQ(plain.codecs.size(), 1u);
  const CodecSpec& c = plain.codecs[0];
  EXPECT_EQ(c.name, "fake-ra");
  EXPECT_EQ(c.type, "external");
  EXPECT_EQ(c.preset, "fake-ra");
  ASSERT_EQ(c.rate_points.size(), 2u);
  EXPECT_EQ(c.rate_points[0].label, "qp=22");
  EXPECT_EQ(c.rate_points[1].params.at("cfg"), "ra.cfg");
  EXPECT_EQ(c.rate_points[1].params.at("qp"), "27");

  // The entry's sweep replaces the preset's axis; its params override the preset's.
  const Experiment own = load_experiment(
      tree.config("  - {name: mine, preset: fake-ra, params: {cfg: ld.cfg}, sweep: {qp: [37, 42, 47]}}\n"));
  ASSERT_EQ(own.codecs[0].rate_points.size(), 3u);
  EXPECT_EQ(own.codecs[0].name, "mine");
  EXPECT_EQ(own.codecs[0].rate_points[2].params.at("qp"), "47");
  EXPECT_EQ(own.codecs[0].rate_points[2].params.at("cfg"), "ld.cfg");

  // A key the entry fixes drops the preset's sweep of it.
  const Experiment pinned = load_experiment(tree.config("  - {preset: fake-ra, params: {qp: 51}}\n"));
  ASSERT_EQ(pinned.codecs[0].rate_points.size(), 1u);
  EXPECT_EQ(pinned.codecs[0].rate_points[0].params.at("qp"), "51");

  // From a config one folder down (configs/paper/*.yaml find configs/codecs/).
  const Experiment paper = load_experiment(tree.config("  - {preset: fake-ra}\n", "paper/hm.yaml"));
  EXPECT_EQ(paper.codecs[0].preset_file, tree.dir.file("codecs/fake-ra.yaml"));
}

TEST(ExternalConfig, PresetErrorsNameTheirFileAndPosition) {
  PresetTree tree;
  // Unknown preset: the closest name and where the search looked.
  std::string msg;
  try {
    load_experiment(tree.config("  - {preset: fake-rb}\n"));
  } catch (const InputError& e) {
    msg = e.what();
  }
  EXPECT_THAT(msg, HasSubstr("exp.yaml:5:14: codecs[0]: preset"));
  EXPECT_THAT(msg, HasSubstr("'fake-ra'"));
  // A type that contradicts the preset's.
  try {
    load_experiment(tree.config("  - {preset: fake-ra, type: x265}\n"));
  } catch (const InputError& e) {
    msg = e.what();
  }
  EXPECT_THAT(msg, HasSubstr("the preset's type 'external'"));
  // A placeholder typo inside the preset file points into the preset file.
  std::ofstream(tree.dir.file("codecs/typo.yaml"))
      << "type: external\nsource: test\nparams:\n"
         "  encode: [enc, \"{inptu}\"]\n  decode: [dec]\n  bitstream: s\n";
  try {
    load_experiment(tree.config("  - {preset: typo}\n"));
  } catch (const InputError& e) {
    msg = e.what();
  }
  EXPECT_THAT(msg, HasSubstr(tree.dir.file("codecs/typo.yaml:4:17")));
  EXPECT_THAT(msg, HasSubstr("'{input}'"));
  // A preset without `source` (where its program comes from).
  std::ofstream(tree.dir.file("codecs/nosource.yaml")) << "type: raw\n";
  try {
    load_experiment(tree.config("  - {preset: nosource}\n"));
  } catch (const InputError& e) {
    msg = e.what();
  }
  EXPECT_THAT(msg, HasSubstr("nosource.yaml"));
  EXPECT_THAT(msg, HasSubstr("'source'"));
}

}  // namespace
}  // namespace tgvc
