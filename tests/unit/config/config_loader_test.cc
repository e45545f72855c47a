#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/config/experiment.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

using ::testing::HasSubstr;

// The issue's user-facing example, verbatim.
const char* kIssueExample = R"(experiment: demo
output: runs/demo
frames: {count: 48}                     # start: 0 unless given
resize: {width: 512, height: 320, mode: squash}
datasets:
  - synthetic: {name: orbit, seed: 1}
  - file: {path: /usr/share/doc/opencv-doc/examples/data/vtest.avi, name: vtest}
codecs:
  - {name: x265, type: x265, params: {preset: medium, keyint: 48}, sweep: {qp: [44, 48, 51]}}
  - {name: av1, type: aom, params: {cpu-used: 6}, sweep: {cq-level: [52, 58, 63]}}
metrics: [psnr, msssim]
jobs: 2
)";

std::string error_of(const std::string& text) {
  try {
    parse_experiment(text, "exp.yaml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

const char* kMinimal = R"(experiment: t
datasets:
  - synthetic: {name: a}
codecs:
  - {type: raw}
)";

TEST(ConfigLoader, IssueExampleParses) {
  const Experiment e = parse_experiment(kIssueExample, "/tmp/demo.yaml");
  EXPECT_EQ(e.name, "demo");
  EXPECT_EQ(e.output, "runs/demo");
  EXPECT_EQ(e.frames.start, 0);
  EXPECT_EQ(e.frames.count, 48);
  ASSERT_TRUE(e.resize.has_value());
  EXPECT_EQ(e.resize->width, 512);
  EXPECT_EQ(e.resize->mode, ResizeMode::kSquash);
  ASSERT_EQ(e.sequences.size(), 2u);
  EXPECT_TRUE(e.sequences[0].synthetic);
  EXPECT_EQ(e.sequences[0].synthetic_spec.width, 512);
  EXPECT_EQ(e.sequences[0].synthetic_spec.frame_count, 48);
  EXPECT_EQ(e.sequences[1].name, "vtest");
  EXPECT_EQ(e.sequences[1].dataset, "files");
  ASSERT_EQ(e.codecs.size(), 2u);
  ASSERT_EQ(e.codecs[0].rate_points.size(), 3u);
  EXPECT_EQ(e.codecs[0].rate_points[2].label, "qp=51");
  EXPECT_EQ(e.codecs[0].rate_points[2].params.at("preset"), "medium");
  EXPECT_EQ(e.codecs[1].rate_points[0].params.at("cq-level"), "52");
  ASSERT_EQ(e.metrics.size(), 2u);
  EXPECT_EQ(e.metrics[1].id, "msssim");
  EXPECT_EQ(e.jobs, 2);
}

TEST(ConfigLoader, UnknownTopKeySuggestsClosest) {
  const std::string msg = error_of(std::string(kMinimal) + "metircs: [psnr]\n");
  EXPECT_THAT(msg, HasSubstr("exp.yaml:6:1"));
  EXPECT_THAT(msg, HasSubstr("'metrics'"));
  EXPECT_THAT(msg, HasSubstr("unknown key 'metircs'"));
}

TEST(ConfigLoader, UnknownCodecParamSuggestsClosest) {
  const std::string msg = error_of(R"(experiment: t
datasets:
  - synthetic: {name: a}
codecs:
  - type: raw
    params:
      levl: 3
)");
  EXPECT_THAT(msg, HasSubstr("exp.yaml:7:13"));
  EXPECT_THAT(msg, HasSubstr("'level'"));
}

TEST(ConfigLoader, OutOfRangeSweepValueNamesFieldAndRange) {
  const std::string msg = error_of(R"(experiment: t
datasets:
  - synthetic: {name: a}
codecs:
  - {type: raw, sweep: {level: [1, 5000]}}
)");
  EXPECT_THAT(msg, HasSubstr("exp.yaml:5:"));
  EXPECT_THAT(msg, HasSubstr("sweep.level"));
  EXPECT_THAT(msg, HasSubstr("[0, 1000]"));
  EXPECT_THAT(msg, HasSubstr("'5000'"));
}

TEST(ConfigLoader, UnknownCodecTypeAndMetricSuggest) {
  EXPECT_THAT(error_of(R"(experiment: t
datasets: [{synthetic: {name: a}}]
codecs: [{type: rwa}]
)"),
              HasSubstr("'raw'"));
  EXPECT_THAT(error_of(std::string(kMinimal) + "metrics: [pnsr]\n"), HasSubstr("'psnr'"));
}

TEST(ConfigLoader, MissingFileIsNamed) {
  const std::string msg = error_of(R"(experiment: t
datasets:
  - file: {path: /nonexistent/clip.y4m}
codecs: [{type: raw}]
)");
  EXPECT_THAT(msg, HasSubstr("exp.yaml:3:"));
  EXPECT_THAT(msg, HasSubstr("/nonexistent/clip.y4m"));
}

TEST(ConfigLoader, MalformedYamlGivesPosition) {
  EXPECT_THAT(error_of("experiment: [unclosed\n"), HasSubstr("exp.yaml:"));
  EXPECT_THAT(error_of("- just\n- a list\n"), HasSubstr("a mapping"));
}

TEST(ConfigLoader, OddResizeSizesAreAccepted) {
  const Experiment e =
      parse_experiment(std::string(kMinimal) + "resize: {width: 513, height: 321}\n", "exp.yaml");
  ASSERT_TRUE(e.resize.has_value());
  EXPECT_EQ(e.resize->width, 513);
  EXPECT_EQ(e.resize->height, 321);
}

TEST(ConfigLoader, WrongTypesAreRejected) {
  EXPECT_THAT(error_of(std::string(kMinimal) + "jobs: many\n"), HasSubstr("jobs"));
  EXPECT_THAT(error_of(std::string(kMinimal) + "resize: {width: 512, height: 320, mode: stretch}\n"),
              HasSubstr("squash, crop"));
  EXPECT_THAT(error_of("experiment: t\ncodecs: [{type: raw}]\n"), HasSubstr("datasets"));
}

TEST(ConfigLoader, SweepProductAndZip) {
  const Experiment product = parse_experiment(R"(experiment: t
datasets: [{synthetic: {name: a}}]
codecs:
  - {type: raw, sweep: {level: [1, 2], fail: [false, true]}}
)",
                                              "p.yaml");
  ASSERT_EQ(product.codecs[0].rate_points.size(), 4u);
  EXPECT_EQ(product.codecs[0].rate_points[1].label, "level=1,fail=true");
  const Experiment zip = parse_experiment(R"(experiment: t
datasets: [{synthetic: {name: a}}]
codecs:
  - {type: raw, sweep_mode: zip, sweep: {level: [1, 2], fail: [false, true]}}
)",
                                          "z.yaml");
  ASSERT_EQ(zip.codecs[0].rate_points.size(), 2u);
  EXPECT_EQ(zip.codecs[0].rate_points[1].label, "level=2,fail=true");
}

TEST(ConfigLoader, DuplicateNamesRejected) {
  EXPECT_THAT(error_of(R"(experiment: t
datasets: [{synthetic: {name: a}}, {synthetic: {name: a}}]
codecs: [{type: raw}]
)"),
              HasSubstr("unique sequence names"));
  EXPECT_THAT(error_of(R"(experiment: t
datasets: [{synthetic: {name: a}}]
codecs: [{type: raw}, {type: raw}]
)"),
              HasSubstr("a name no other codec entry uses"));
}

}  // namespace
}  // namespace tgvc
