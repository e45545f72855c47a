// The command line: errors name the file and field and exit non-zero; measure and list work.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/core/temp_dir.h"
#include "tests/integration/test_util.h"

namespace tgvc::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace fs = std::filesystem;

const char* kVtest = "/usr/share/doc/opencv-doc/examples/data/vtest.avi";

TEST(Cli, VersionAndHelp) {
  const ProcessResult version = bench({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_THAT(version.output, HasSubstr("tgvc-bench 0."));
  EXPECT_THAT(version.output, HasSubstr("git "));
  const ProcessResult help = bench({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* cmd : {"run", "measure", "list"}) EXPECT_THAT(help.output, HasSubstr(cmd));
}

TEST(Cli, ListShowsCodecsAndMetricsWithVersions) {
  const ProcessResult codecs = bench({"list", "codecs", "--verbose"});
  EXPECT_EQ(codecs.exit_code, 0);
  EXPECT_THAT(codecs.output, HasSubstr("x265"));
  EXPECT_THAT(codecs.output, HasSubstr("aom"));
  EXPECT_THAT(codecs.output, HasSubstr("raw"));
  EXPECT_THAT(codecs.output, HasSubstr("qp"));
  const ProcessResult metrics = bench({"list", "metrics"});
  EXPECT_THAT(metrics.output, HasSubstr("psnr"));
  EXPECT_THAT(metrics.output, HasSubstr("msssim"));
  // One column layout for every row, trajectory_error's (16 characters) included.
  std::set<size_t> version_columns;
  for (const std::string& out : {codecs.output, metrics.output}) {
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
      const size_t at = line.find(" version ");
      if (at != std::string::npos && line[0] != ' ') version_columns.insert(at);
    }
  }
  EXPECT_EQ(version_columns.size(), 1u) << metrics.output;
}

TEST(Cli, ListVerboseShowsEachMetricsValuesWithUnitAndDirection) {
  const ProcessResult r = bench({"list", "metrics", "--verbose"});
  EXPECT_EQ(r.exit_code, 0);
  // From the descriptors: name, unit ("-": none), direction, role and the option that selects it.
  for (const char* line : {
           "\n +psnr_y +dB +higher is better, headline\n",
           "\n +psnr_rgb +dB +higher is better, main metric, when rgb = true\n",
           "\n +msssim_y +- +higher is better, headline, when colour = y\n",
           "\n +trajectory_error +px +lower is better\n",
           "\n +trajectory_within_16px +share +higher is better\n",
           "\n +lpips_vgg +- +lower is better, headline, when net = vgg\n",
           "\n +values \\(per set\\):\n +fvd +- +lower is better, headline\n +fvd_clips +clips +lower is "
           "better\n",
       }) {
    EXPECT_THAT(r.output, ::testing::ContainsRegex(line));
  }
}

// Each typed row's expected form, default (from the codec's struct), help and unit in one line.
TEST(Cli, ListVerboseShowsEachRowsRangeDefaultHelpAndUnit) {
  const ProcessResult codecs = bench({"list", "codecs", "--verbose"});
  ASSERT_EQ(codecs.exit_code, 0);
  std::map<std::string, std::string> rows;
  std::istringstream lines(codecs.output);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("    ", 0) == 0) rows.emplace(line.substr(4, line.find(' ', 4) - 4), line);
  }
  const auto row = [&](const std::string& key) { return rows.count(key) ? rows.at(key) : "no row " + key; };
  EXPECT_THAT(row("target-bpp"), HasSubstr("a number in [0, 8]"));
  EXPECT_THAT(row("target-bpp"), HasSubstr("default 0 "));
  EXPECT_THAT(row("target-bpp"), HasSubstr("whose whole stream meets this rate"));
  EXPECT_THAT(row("target-bpp"), HasSubstr("[bpp]"));              // the unit
  EXPECT_THAT(row("keyframe-quality"), HasSubstr("default 46 "));  // KeyframeCodingParams
  EXPECT_THAT(row("qp"), HasSubstr("an integer in [0, 51]"));      // optional: no default
  EXPECT_THAT(row("qp"), HasSubstr("default (unset)"));
  EXPECT_THAT(row("end-usage"), HasSubstr("one of q, cq, vbr, cbr"));  // an enum's names
  EXPECT_THAT(row("quant-step"), HasSubstr("one of 8, 4, 2, 1"));      // a number from a list
  EXPECT_THAT(row("quant-step"), HasSubstr("[px]"));
  EXPECT_THAT(row("embedder"), HasSubstr("a string"));  // no range, no choices
  // Keys only the decoder reads (left out of the bitstream's key): T-GVC's generator and every
  // diffusion setting, and no encoder key.
  for (const char* key : {"generator", "diffusion-model", "diffusion-steps", "cfg-scale", "diffusion-device"})
    EXPECT_THAT(row(key), HasSubstr("(decoder only: entries differing only here share one encode)")) << key;
  for (const char* key : {"keyframe-quality", "quant-step", "tracker", "qp", "encode", "decode"})
    EXPECT_THAT(row(key), Not(HasSubstr("decoder only"))) << key;
}

TEST(Cli, BadConfigNamesFileLineAndClosestKey) {
  const TempDir scratch("tgvc_cli_");
  const std::string& dir = scratch.path();
  write_text(dir + "/bad.yaml",
             "experiment: x\ndatasets: [{synthetic: {name: a}}]\ncodecs: [{type: raw}]\njbos: 2\n");
  const ProcessResult r = bench({"run", dir + "/bad.yaml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr(dir + "/bad.yaml:4:1"));
  EXPECT_THAT(r.output, HasSubstr("'jobs'"));
  const ProcessResult missing = bench({"run", dir + "/none.yaml"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.output, HasSubstr(dir + "/none.yaml"));
}

TEST(Cli, MeasureIdenticalVideosGivesCappedPsnrAndUnitSsim) {
  const ProcessResult r = bench({"measure", kVtest, kVtest, "--frames", "3", "--metrics", "psnr,msssim"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto json = nlohmann::json::parse(r.output);
  EXPECT_EQ(json["frames"], 3);
  EXPECT_EQ(json["width"], 768);
  EXPECT_EQ(json["metrics"]["psnr_y"]["value"], 100.0);
  EXPECT_EQ(json["metrics"]["psnr_y"]["unit"], "dB");
  EXPECT_FALSE(json["metrics"]["psnr_y"]["convention"].get<std::string>().empty());
  EXPECT_DOUBLE_EQ(json["metrics"]["msssim_rgb"]["value"].get<double>(), 1.0);
}

TEST(Cli, MeasureDifferentFramesAgreesWithFfmpegPsnrFilter) {
  // Frames 0-2 against frames 1-3 of the same clip; compare with FFmpeg's psnr filter.
  const TempDir scratch("tgvc_measure_");
  const std::string& dir = scratch.path();
  const std::string ref = dir + "/ref.y4m";
  const std::string dist = dir + "/dist.y4m";
  ASSERT_EQ(run_process({"/usr/bin/ffmpeg", "-v", "error", "-i", kVtest, "-frames:v", "3", "-pix_fmt",
                         "yuv420p", "-strict", "-1", ref})
                .exit_code,
            0);
  ASSERT_EQ(run_process({"/usr/bin/ffmpeg", "-v", "error", "-i", kVtest, "-vf", "select=gte(n\\,1)",
                         "-frames:v", "3", "-pix_fmt", "yuv420p", "-strict", "-1", dist})
                .exit_code,
            0);
  const ProcessResult ours = bench({"measure", ref, dist, "--metrics", "psnr", "--per-frame"});
  ASSERT_EQ(ours.exit_code, 0) << ours.output;
  const auto json = nlohmann::json::parse(ours.output);
  const auto theirs = ffmpeg_plane_psnrs(ref, dist, dir + "/psnr.log");
  ASSERT_EQ(theirs.size(), 3u);
  for (size_t frame = 0; frame < theirs.size(); ++frame) {
    EXPECT_NEAR(json["metrics"]["psnr_y"]["per_frame"][frame].get<double>(), theirs[frame].at("psnr_y"), 0.01)
        << frame;
  }
}

TEST(Cli, MeasureBadInputNamesTheFile) {
  const ProcessResult r = bench({"measure", "/nonexistent/a.y4m", kVtest});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("/nonexistent/a.y4m"));
  const ProcessResult sizes =
      bench({"measure", kVtest, "/usr/share/doc/opencv-doc/examples/data/Megamind.avi", "--frames", "1"});
  EXPECT_EQ(sizes.exit_code, 2);
  EXPECT_THAT(sizes.output, HasSubstr("expected"));
}

}  // namespace
}  // namespace tgvc::testing

namespace tgvc::testing {
namespace {

// docs/config.md carries the parameter tables verbatim; regenerate them with the commands it names.
TEST(Docs, ConfigReferenceMatchesTheParameterTables) {
  const std::string doc = read_text(std::string(TGVC_SOURCE_DIR) + "/docs/config.md");
  for (const char* what : {"codecs", "metrics"}) {
    const ProcessResult r = bench({"list", what, "--markdown"});
    ASSERT_EQ(r.exit_code, 0);
    const std::string block =
        std::string("<!-- begin: tgvc-bench list ") + what + " --markdown -->\n" + r.output + "<!-- end -->";
    EXPECT_NE(doc.find(block), std::string::npos) << "docs/config.md is out of date for " << what;
  }
}

}  // namespace
}  // namespace tgvc::testing

namespace tgvc::testing {
namespace {

// `inspect` reads the file with the decoder's parser; `encode` printed what the writer counted.
void expect_inspect_agrees_with_encode(const std::string& file, const std::string& encode_output,
                                       size_t file_bytes) {
  const ProcessResult text = bench({"inspect", file});
  ASSERT_EQ(text.exit_code, 0) << text.output;
  EXPECT_THAT(text.output, HasSubstr("768x576"));
  const ProcessResult inspect = bench({"inspect", file, "--json"});
  ASSERT_EQ(inspect.exit_code, 0) << inspect.output;
  const auto json = nlohmann::json::parse(inspect.output);
  EXPECT_EQ(json["bytes"], file_bytes);
  EXPECT_EQ(json["frames"], 12);
  EXPECT_EQ(json["keyframe_width"], 768);
  EXPECT_EQ(json["keyframe_height"], 576);
  EXPECT_THAT(text.output, HasSubstr("at 768x576, "));
  const auto& parts = json["components"];
  EXPECT_THAT(
      encode_output,
      HasSubstr(fmt::format("{} bytes (header {}, keyframes {}, trajectories {}, camera path {})", file_bytes,
                            parts["header"].get<uint64_t>(), parts["keyframes"].get<uint64_t>(),
                            parts["trajectories"].get<uint64_t>(), parts["camera_path"].get<uint64_t>())));
  const auto& keyframes = json["keyframes"];
  EXPECT_THAT(encode_output, HasSubstr(fmt::format("{} keyframes", keyframes.size())));
  ASSERT_GE(keyframes.size(), 2u);
  EXPECT_EQ(keyframes.front()["frame"], 0);
  EXPECT_EQ(keyframes.back()["frame"], 11);
  // Clips run from one keyframe to the next, and their payloads are the trajectory bytes.
  const auto& clips = json["clips"];
  ASSERT_EQ(clips.size(), keyframes.size() - 1);
  uint64_t clip_bytes = 0;
  int camera_clips = 0, path_clips = 0, motion_clips = 0;
  for (size_t c = 0; c < clips.size(); ++c) {
    EXPECT_EQ(clips[c]["first_frame"], keyframes[c]["frame"]);
    EXPECT_EQ(clips[c]["last_frame"], keyframes[c + 1]["frame"]);
    clip_bytes += clips[c]["bytes"].get<uint64_t>();
    camera_clips += clips[c]["camera_background"].get<bool>() ? 1 : 0;
    const bool path = clips[c]["background"] == "camera path";
    path_clips += path ? 1 : 0;
    motion_clips += clips[c]["background"] == "camera and motion" ? 1 : 0;
    EXPECT_EQ(clips[c]["camera_path"].size() > 0, path) << c;
  }
  EXPECT_EQ(clip_bytes, parts["trajectories"].get<uint64_t>());
  // The per-clip background choice the encoder counted is the one the file carries.
  EXPECT_THAT(encode_output,
              HasSubstr(fmt::format("decoded with the camera-aware background: {} ({} with a camera path, {} "
                                    "with the keyframes' motion)",
                                    camera_clips, path_clips, motion_clips)));
}

// Reduced-size keyframes: `inspect` shows the coded size the header carries.
TEST(Cli, InspectShowsReducedKeyframeSize) {
  const TempDir scratch("tgvc_reduced_cli_");
  const std::string& dir = scratch.path();
  const ProcessResult enc = bench(
      {"encode", kVtest, "-o", dir + "/v.tgvc", "--frames", "6", "-p", "grid=8", "-p", "keyframe-scale=0.5"});
  ASSERT_EQ(enc.exit_code, 0) << enc.output;
  EXPECT_THAT(enc.output, HasSubstr("keyframes coded at 384x288"));
  const ProcessResult text = bench({"inspect", dir + "/v.tgvc"});
  ASSERT_EQ(text.exit_code, 0) << text.output;
  EXPECT_THAT(text.output, HasSubstr("at 384x288 (reduced; the decoder enlarges them)"));
  // target-bpp prints what it chose; a target below every rate says it is not reachable.
  const ProcessResult target = bench({"encode", kVtest, "-o", dir + "/t.tgvc", "--frames", "6", "-p",
                                      "grid=8", "-p", "keyframe-scale=0.25", "-p", "target-bpp=0.000001"});
  ASSERT_EQ(target.exit_code, 0) << target.output;
  EXPECT_THAT(target.output, HasSubstr("target-bpp 0.000001: keyframe-quality 51 after "));
  EXPECT_THAT(target.output, HasSubstr("not reachable"));
  const ProcessResult inspect = bench({"inspect", dir + "/v.tgvc", "--json"});
  ASSERT_EQ(inspect.exit_code, 0) << inspect.output;
  const auto json = nlohmann::json::parse(inspect.output);
  EXPECT_EQ(json["width"], 768);
  EXPECT_EQ(json["keyframe_width"], 384);
  EXPECT_EQ(json["keyframe_height"], 288);
  const ProcessResult dec = bench({"decode", dir + "/v.tgvc", "-o", dir + "/v.y4m"});
  ASSERT_EQ(dec.exit_code, 0) << dec.output;
  const ProcessResult m = bench({"measure", kVtest, dir + "/v.y4m", "--frames", "6", "--metrics", "psnr"});
  ASSERT_EQ(m.exit_code, 0) << m.output;
  EXPECT_GT(nlohmann::json::parse(m.output)["metrics"]["psnr_y"]["value"].get<double>(), 18);
}

// A version 3 file with a camera path (the fuzz seed, docs in tests/fuzz/corpus/README.md): `inspect`
// shows the clip's mode, its knots and the camera_path component.
TEST(Cli, InspectShowsTheCameraPath) {
  const std::string file =
      std::string(TGVC_SOURCE_DIR) + "/tests/fuzz/corpus/tgvc/cup_256x160_25f_v3_path.tgvc";
  const ProcessResult text = bench({"inspect", file});
  ASSERT_EQ(text.exit_code, 0) << text.output;
  EXPECT_THAT(text.output, HasSubstr("camera path 24 B"));
  EXPECT_THAT(text.output, HasSubstr("0-24       0               0         0  camera path\n"));
  EXPECT_THAT(text.output, HasSubstr("px: 6:(-1.875,-1.125 8.625,-4.875 -6.125,4) 12:"));
  const ProcessResult inspect = bench({"inspect", file, "--json"});
  ASSERT_EQ(inspect.exit_code, 0) << inspect.output;
  const auto json = nlohmann::json::parse(inspect.output);
  EXPECT_EQ(json["components"]["camera_path"], 24);
  const auto& clip = json["clips"][0];
  EXPECT_EQ(clip["background"], "camera path");
  EXPECT_TRUE(clip["camera_background"].get<bool>());
  ASSERT_EQ(clip["camera_path"].size(), 3u);
  EXPECT_EQ(clip["camera_path"][0]["frame"], 6);
  EXPECT_EQ(clip["camera_path"][0]["corner_shift_px"],
            nlohmann::json::array({-1.875, -1.125, 8.625, -4.875, -6.125, 4.0}));
  EXPECT_EQ(clip["camera_path"][2]["frame"], 18);
}

TEST(Cli, EncodeDecodeTgvcRoundTrip) {
  const TempDir scratch("tgvc_codec_cli_");
  const std::string& dir = scratch.path();
  const ProcessResult enc =
      bench({"encode", kVtest, "-o", dir + "/v.tgvc", "--frames", "12", "-p", "keyframe-quality=44"});
  ASSERT_EQ(enc.exit_code, 0) << enc.output;
  EXPECT_THAT(enc.output, HasSubstr("12 frames 768x576"));
  EXPECT_THAT(enc.output, HasSubstr("(quality 44)"));
  const std::string bytes = read_text(dir + "/v.tgvc");
  EXPECT_EQ(bytes.substr(0, 4), "TGVC");
  expect_inspect_agrees_with_encode(dir + "/v.tgvc", enc.output, bytes.size());
  const ProcessResult dec = bench({"decode", dir + "/v.tgvc", "-o", dir + "/v.y4m"});
  ASSERT_EQ(dec.exit_code, 0) << dec.output;
  const ProcessResult m = bench({"measure", kVtest, dir + "/v.y4m", "--frames", "12", "--metrics", "psnr"});
  ASSERT_EQ(m.exit_code, 0) << m.output;
  const auto json = nlohmann::json::parse(m.output);
  EXPECT_EQ(json["frames"], 12);
  EXPECT_GT(json["metrics"]["psnr_y"]["value"].get<double>(), 18);

  // A damaged file and a bad parameter are named errors.
  write_text(dir + "/bad.tgvc", bytes.substr(0, bytes.size() / 2));
  const ProcessResult bad = bench({"decode", dir + "/bad.tgvc", "-o", dir + "/bad.y4m"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.output, HasSubstr("bad.tgvc"));
  EXPECT_FALSE(fs::exists(dir + "/bad.y4m"));
  const ProcessResult bad_inspect = bench({"inspect", dir + "/bad.tgvc"});
  EXPECT_EQ(bad_inspect.exit_code, 2);
  EXPECT_THAT(bad_inspect.output, HasSubstr("bad.tgvc"));
  const ProcessResult param = bench({"encode", kVtest, "-o", dir + "/x.tgvc", "-p", "keyframe-qualty=3"});
  EXPECT_EQ(param.exit_code, 2);
  EXPECT_THAT(param.output, HasSubstr("'keyframe-quality'"));
}

// --wait and --dry-run belong to the Slurm executor; with the local one they are bad input.
TEST(Cli, SlurmOnlyFlagsNeedTheSlurmExecutor) {
  const TempDir scratch("tgvc_cli_executor_");
  const std::string& dir = scratch.path();
  write_text(dir + "/c.yaml",
             "experiment: e\ndatasets:\n  - synthetic: {name: a}\ncodecs:\n  - {type: raw}\n");
  const ProcessResult wait = bench({"run", dir + "/c.yaml", "--wait", "--out", dir + "/run"});
  EXPECT_EQ(wait.exit_code, 2);
  EXPECT_THAT(wait.output, ::testing::HasSubstr("--wait: expected --executor slurm"));
  const ProcessResult dry = bench({"run", dir + "/c.yaml", "--executor", "local", "--dry-run"});
  EXPECT_EQ(dry.exit_code, 2);
  EXPECT_FALSE(fs::exists(dir + "/run"));
}

// Weights whose licence must be accepted (MS-ILLM's CC-BY-NC 4.0): fetch prints the licence and
// downloads nothing without --accept-license. A file:// source stands in for the download.
TEST(Cli, ModelsFetchOfLicensedWeightsNeedsAcceptLicense) {
  const TempDir scratch("tgvc_accept_license");
  const std::string& dir = scratch.path();
  std::ofstream(dir + "/source.bin") << "abc";
  std::ofstream(dir + "/manifest.json")
      << R"({"schema_version": 1, "models": [{"name": "nc", "description": "d", "licence": "CC-BY-NC-4.0",
      "used_by": ["t"], "requires_acceptance": true, "source": {"file": "nc.bin", "urls": ["file://)"
      << dir << R"(/source.bin"], "size": 3,
      "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"}}]})";
  const std::vector<std::string> fetch = {
      "models", "fetch", "nc", "--dir", dir, "--manifest", dir + "/manifest.json"};
  const ProcessResult refused = bench(fetch);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.output, HasSubstr("nc: licence CC-BY-NC-4.0"));
  EXPECT_THAT(refused.output, HasSubstr("rerun with --accept-license"));
  EXPECT_FALSE(fs::exists(dir + "/nc.bin"));
  std::vector<std::string> accept = fetch;
  accept.push_back("--accept-license");
  const ProcessResult accepted = bench(accept);
  EXPECT_EQ(accepted.exit_code, 0) << accepted.output;
  EXPECT_THAT(accepted.output, HasSubstr("nc: licence CC-BY-NC-4.0"));
  EXPECT_TRUE(fs::exists(dir + "/nc.bin"));
  // The built-in MS-ILLM models are marked so.
  const ProcessResult msillm = bench({"models", "fetch", "msillm-q1", "--dir", dir});
  EXPECT_EQ(msillm.exit_code, 1);
  EXPECT_THAT(msillm.output, HasSubstr("msillm-q1: licence CC-BY-NC-4.0"));
}

}  // namespace
}  // namespace tgvc::testing
