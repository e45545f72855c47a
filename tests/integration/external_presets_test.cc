// The presets of configs/codecs/ whose programs are not in Debian (HM, VTM, DCVC-FM, DCVC-RT,
// GVC-RT, ActDiff-VC), run end to end through `type: external` with stand-in programs
// (tests/data/fake_codecs/fake_codec.py, copied under each tool's name): the tools' command
// lines, files and failures, the rate as the bitstream's bytes, the checks on what comes back.
#include <cmath>
#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/core/temp_dir.h"
#include "tests/integration/test_util.h"

namespace tgvc::testing {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kWidth = 64;
constexpr int kHeight = 48;
constexpr int kFrames = 3;

// A folder of stand-in tools: `name` is the fake under the real program's name.
void install_fake(const fs::path& dir, const std::string& name) {
  fs::create_directories(dir);
  const fs::path target = dir / name;
  fs::copy_file(std::string(TGVC_SOURCE_DIR) + "/tests/data/fake_codecs/fake_codec.py", target,
                fs::copy_options::overwrite_existing);
  fs::permissions(target, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
}

// Luma and chroma samples of a known 8-bit 4:2:0 clip: the test knows every sample. Ramps with
// hashed noise of up to 31 levels, so that finer quantisation costs more bytes.
uint8_t sample(int frame, int plane, int x, int y) {
  const uint32_t hash = (static_cast<uint32_t>(x) * 73856093u) ^ (static_cast<uint32_t>(y) * 19349663u) ^
                        (static_cast<uint32_t>(frame) * 83492791u) ^
                        (static_cast<uint32_t>(plane) * 2654435761u);
  return static_cast<uint8_t>((x * 3 + y * 5 + frame * 7 + plane * 40 + ((hash >> 7) & 31)) & 0xFF);
}

std::string write_source(const fs::path& dir) {
  const fs::path path = dir / "clip_64x48.yuv";
  std::ofstream out(path, std::ios::binary);
  for (int f = 0; f < kFrames; ++f) {
    for (int plane = 0; plane < 3; ++plane) {
      const int w = plane ? kWidth / 2 : kWidth;
      const int h = plane ? kHeight / 2 : kHeight;
      for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) out.put(static_cast<char>(sample(f, plane, x, y)));
      }
    }
  }
  return path.string();
}

// The stand-in's quantiser (fake_codec.py: step_for, posterise) and the mean of per-frame luma
// PSNRs (docs/metrics.md's default convention, peak 255, capped at 100 for identical frames).
double expected_psnr_y(int qp, int qp_max) {
  const int step = std::max(1, static_cast<int>(std::lround(std::pow(2.0, 6.0 * qp / qp_max))));
  double sum = 0;
  for (int f = 0; f < kFrames; ++f) {
    double se = 0;
    for (int y = 0; y < kHeight; ++y) {
      for (int x = 0; x < kWidth; ++x) {
        const int v = sample(f, 0, x, y);
        const int coded = step <= 1 ? v : std::min(255, (v / step) * step + step / 2);
        se += (v - coded) * (v - coded);
      }
    }
    const double mse = se / (kWidth * kHeight);
    sum += mse == 0 ? 100.0 : 10 * std::log10(255.0 * 255.0 / mse);
  }
  return sum / kFrames;
}

struct PresetRun {
  ProcessResult process;
  json results;           // results.json, empty when the run wrote none
  std::vector<json> log;  // the stand-ins' JSON lines
};

// Runs `codecs` (YAML list items) on the known clip, with the stand-ins' log in `dir`.
PresetRun run_codecs(const fs::path& dir, const std::string& codecs, const std::string& metrics = "[psnr]") {
  const std::string source = write_source(dir);
  const std::string config = "experiment: presets\ndatasets:\n  - file: {path: " + source +
                             ", width: 64, height: 48, fps: 10}\ncodecs:\n" + codecs + "metrics: " + metrics +
                             "\n";
  write_text((dir / "config.yaml").string(), config);
  const std::string log = (dir / "fake.log").string();
  fs::remove(log);
  ::setenv("TGVC_FAKE_LOG", log.c_str(), 1);
  PresetRun run;
  run.process =
      bench({"run", (dir / "config.yaml").string(), "--out", (dir / "run").string(), "--jobs", "1"});
  ::unsetenv("TGVC_FAKE_LOG");
  if (fs::exists(dir / "run" / "results.json"))
    run.results = json::parse(read_text((dir / "run/results.json").string()));
  std::ifstream in(log);
  for (std::string line; std::getline(in, line);) run.log.push_back(json::parse(line));
  return run;
}

const json& cell(const PresetRun& run, const std::string& codec, const std::string& rate_point) {
  for (const json& c : run.results.at("cells")) {
    if (c.at("codec") == codec && c.at("rate_point") == rate_point) return c;
  }
  ADD_FAILURE() << "no cell " << codec << " " << rate_point << " in " << run.process.output;
  static const json none = json::object();
  return none;
}

double metric(const json& c, const std::string& name) {
  for (const json& m : c.at("metrics")) {
    if (m.at("name") == name) return m.at("value").get<double>();
  }
  ADD_FAILURE() << "no metric " << name;
  return NAN;
}

// A finished cell of the stand-in's log entry: the rate is the bitstream file's size, as the program
// wrote it, over every frame.
void expect_ok_at_the_bitstream_rate(const json& c, const json& entry) {
  EXPECT_EQ(c.at("status"), "ok") << c.dump();
  EXPECT_EQ(c.at("bits").get<uint64_t>(), 8 * entry.at("bytes").get<uint64_t>()) << c.at("rate_point");
  EXPECT_EQ(c.at("frames"), kFrames);
}

// A process that exists and is not a zombie (a reparented child may wait unreaped).
bool running(int pid) {
  const std::string stat = read_text("/proc/" + std::to_string(pid) + "/stat");
  const size_t paren = stat.rfind(')');
  return paren != std::string::npos && paren + 2 < stat.size() && stat[paren + 2] != 'Z';
}

std::vector<std::string> argv_of(const json& entry) {
  return entry.at("argv").get<std::vector<std::string>>();
}

// HM and VTM presets: a folder with the programs and a cfg folder with the cfg files they name.
std::string hm_params(const fs::path& dir) {
  install_fake(dir / "bin", "TAppEncoder");
  install_fake(dir / "bin", "TAppDecoder");
  fs::create_directories(dir / "cfg");
  std::ofstream(dir / "cfg" / "encoder_randomaccess_main.cfg");
  std::ofstream(dir / "cfg" / "encoder_lowdelay_main.cfg");
  return "hm-bin: '" + (dir / "bin").string() + "', hm-cfg: '" + (dir / "cfg").string() + "'";
}

std::string vtm_params(const fs::path& dir) {
  install_fake(dir / "bin", "EncoderApp");
  install_fake(dir / "bin", "DecoderApp");
  fs::create_directories(dir / "cfg");
  std::ofstream(dir / "cfg" / "encoder_randomaccess_vtm.cfg");
  return "vtm-bin: '" + (dir / "bin").string() + "', vtm-cfg: '" + (dir / "cfg").string() + "'";
}

TEST(HmVtmPresets, RateIsTheBitstreamAndTheDecodeMatchesTheRecon) {
  const TempDir scratch("tgvc_preset_hm_");
  const fs::path dir = scratch.path();
  const std::string hm = hm_params(dir / "hm");
  const std::string vtm = vtm_params(dir / "vtm");
  const PresetRun run =
      run_codecs(dir, "  - {name: hm, preset: hm-ra, params: {" + hm + "}, sweep: {qp: [22, 51]}}\n" +
                          "  - {name: hmld, preset: hm-ld, params: {" + hm + "}, sweep: {qp: [37]}}\n" +
                          "  - {name: vtm, preset: vtm-ra, params: {" + vtm + "}, sweep: {qp: [63]}}\n");
  ASSERT_EQ(run.process.exit_code, 0) << run.process.output;
  ASSERT_EQ(run.log.size(), 4u);
  for (const json& entry : run.log) {
    const std::string codec = entry.at("tool") == "vtm" ? "vtm" : "hm";
    const std::string rate_point = "qp=" + std::to_string(entry.at("qp").get<int>());
    const bool low_delay = entry.at("qp") == 37;
    const json& c = cell(run, low_delay ? "hmld" : codec, rate_point);
    expect_ok_at_the_bitstream_rate(c, entry);
    EXPECT_NEAR(metric(c, "psnr_y"), expected_psnr_y(entry.at("qp"), codec == "vtm" ? 63 : 51), 1e-9);
    const std::vector<std::string> argv = argv_of(entry);
    EXPECT_THAT(argv, Contains("--InputBitDepth=8"));
    EXPECT_THAT(argv, Contains(std::to_string(kFrames)));
    EXPECT_THAT(argv, Contains(low_delay ? "--IntraPeriod=-1" : "--IntraPeriod=32"));
    const std::string cfg = low_delay        ? "encoder_lowdelay_main.cfg"
                            : codec == "vtm" ? "encoder_randomaccess_vtm.cfg"
                                             : "encoder_randomaccess_main.cfg";
    EXPECT_TRUE(std::any_of(argv.begin(), argv.end(), [&](const std::string& a) {
      return a.size() > cfg.size() && a.compare(a.size() - cfg.size(), cfg.size(), cfg) == 0;
    })) << cfg;
  }
  EXPECT_GT(cell(run, "hm", "qp=22").at("bits").get<uint64_t>(),
            cell(run, "hm", "qp=51").at("bits").get<uint64_t>());
}

// HM refuses a QP above 51 (VTM's 63 ran above): the cell fails with the tool's own words.
TEST(HmVtmPresets, HmRefusesQpAbove51WithItsMessage) {
  const TempDir scratch("tgvc_preset_hmqp_");
  const fs::path dir = scratch.path();
  const PresetRun run = run_codecs(
      dir, "  - {name: hm, preset: hm-ra, params: {" + hm_params(dir / "hm") + "}, sweep: {qp: [52]}}\n");
  EXPECT_NE(run.process.exit_code, 0);
  const json& c = cell(run, "hm", "qp=52");
  EXPECT_EQ(c.at("status"), "failed");
  EXPECT_EQ(c.at("stage"), "encode");
  EXPECT_THAT(c.at("error").get<std::string>(), HasSubstr("QP exceeds supported range"));
}

// The failures a real tool can have, each a failed cell with its reason; the run goes on.
TEST(HmVtmPresets, ToolFailuresAreFailedCellsWithTheirReason) {
  const TempDir scratch("tgvc_preset_fail_");
  const fs::path dir = scratch.path();
  const std::string hm = hm_params(dir / "hm");
  auto entry = [&](const std::string& name, const std::string& mode, const std::string& extra = "") {
    return "  - {name: " + name + ", preset: hm-ra, params: {" + hm + ", env: {TGVC_FAKE_FAIL: " + mode +
           "}" + extra + "}, sweep: {qp: [30]}}\n";
  };
  const PresetRun run = run_codecs(
      dir, entry("exit1", "exit1") + entry("nobits", "nobitstream") + entry("mismatch", "mismatch") +
               entry("short", "shortdecode") + entry("hang", "hang", ", timeout: 2") +
               "  - {name: fine, preset: hm-ra, params: {" + hm + "}, sweep: {qp: [30]}}\n");
  EXPECT_NE(run.process.exit_code, 0);
  auto error_of = [&](const std::string& codec) {
    const json& c = cell(run, codec, "qp=30");
    EXPECT_EQ(c.value("status", ""), "failed") << codec;
    return c.value("error", "");
  };
  EXPECT_THAT(error_of("exit1"), HasSubstr("simulated encoder failure"));  // the tool's stderr
  EXPECT_THAT(error_of("nobits"), HasSubstr("no bitstream"));
  EXPECT_THAT(error_of("mismatch"), HasSubstr("decoder mismatch"));
  EXPECT_THAT(error_of("short"), HasSubstr("frame"));
  EXPECT_THAT(error_of("hang"), HasSubstr("timeout"));
  EXPECT_EQ(cell(run, "fine", "qp=30").at("status"), "ok");
  // The hanging encoder and the child it started are gone.
  int hung = 0;
  for (const json& e : run.log) {
    if (!e.contains("hanging")) continue;
    ++hung;
    EXPECT_FALSE(running(e.at("hanging").get<int>()));
    EXPECT_FALSE(running(e.at("child").get<int>()));
  }
  EXPECT_EQ(hung, 1);
}

// A path with spaces and quotes reaches the tool verbatim (no shell); a program that is not
// there and a user param the preset needs but the entry lacks are named.
TEST(HmVtmPresets, PathsPassVerbatimAndMissingProgramsAndParamsAreNamed) {
  const TempDir scratch("tgvc_preset_paths_");
  const fs::path dir = scratch.path();
  const fs::path odd = dir / "HM 16.20 \"it's\"";
  install_fake(odd / "bin", "TAppEncoder");
  install_fake(odd / "bin", "TAppDecoder");
  fs::create_directories(odd / "cfg");
  std::ofstream(odd / "cfg" / "encoder_randomaccess_main.cfg");
  const std::string quoted = json((odd / "bin").string()).dump();  // a YAML double-quoted scalar
  const std::string quoted_cfg = json((odd / "cfg").string()).dump();
  const PresetRun run = run_codecs(
      dir, "  - {name: odd, preset: hm-ra, params: {hm-bin: " + quoted + ", hm-cfg: " + quoted_cfg +
               "}, sweep: {qp: [30]}}\n" +
               "  - {name: absent, preset: hm-ra, params: {hm-bin: /nonexistent/HM, hm-cfg: " + quoted_cfg +
               "}, sweep: {qp: [30]}}\n");
  EXPECT_EQ(cell(run, "odd", "qp=30").at("status"), "ok");
  ASSERT_EQ(run.log.size(), 1u);
  EXPECT_THAT(argv_of(run.log[0]), Contains((odd / "cfg" / "encoder_randomaccess_main.cfg").string()));
  EXPECT_THAT(cell(run, "absent", "qp=30").value("error", ""), HasSubstr("/nonexistent/HM/TAppEncoder"));

  write_text(
      (dir / "lacks.yaml").string(),
      "experiment: lacks\ndatasets:\n  - synthetic: {name: s, width: 64, height: 48, frames: 2}\n"
      "codecs:\n  - {name: hm, preset: hm-ra, params: {hm-cfg: /x}, sweep: {qp: [30]}}\nmetrics: [psnr]\n");
  const ProcessResult lacks =
      bench({"run", (dir / "lacks.yaml").string(), "--out", (dir / "lacks").string()});
  EXPECT_NE(lacks.exit_code, 0);
  // Named where the preset uses it (the preset file's line and column) for this entry.
  EXPECT_THAT(lacks.output, HasSubstr("unknown placeholder '{hm-bin}'"));
  EXPECT_THAT(lacks.output, HasSubstr("hm-ra.yaml:"));
  EXPECT_THAT(lacks.output, HasSubstr("codecs[0]"));
}

// DCVC-FM, DCVC-RT and GVC-RT: their test scripts with the dataset JSON the preset writes.
std::string learned_params(const fs::path& dir, const std::string& folder, const std::string& script,
                           const std::string& key, const std::vector<std::string>& models) {
  install_fake(dir / folder, script);
  fs::create_directories(dir / folder / "checkpoints");
  for (const std::string& m : models) std::ofstream(dir / folder / "checkpoints" / m);
  return key + ": '" + (dir / folder).string() + "', python: /usr/bin/python3";
}

TEST(LearnedPresets, OneRatePointPerCallWithRealBitstreams) {
  const TempDir scratch("tgvc_preset_dcvc_");
  const fs::path dir = scratch.path();
  const std::string fm = learned_params(dir, "DCVC-FM", "test_video.py", "dcvc-dir",
                                        {"cvpr2024_image.pth.tar", "cvpr2024_video.pth.tar"});
  const std::string rt = learned_params(dir, "DCVC-RT", "test_video.py", "dcvc-dir",
                                        {"cvpr2025_image.pth.tar", "cvpr2025_video.pth.tar"});
  const std::string gvc =
      learned_params(dir, "GVC-RT", "test_video_gvcrt_1088.py", "gvc-rt-dir", {"GVC_RT-I.pt", "GVC_RT-P.pt"});
  const PresetRun run =
      run_codecs(dir, "  - {name: fm, preset: dcvc-fm, params: {" + fm + "}, sweep: {q-index: [0, 63]}}\n" +
                          "  - {name: rt, preset: dcvc-rt, params: {" + rt + "}, sweep: {qp: [21]}}\n" +
                          "  - {name: gvc, preset: gvc-rt, params: {" + gvc + "}, sweep: {qp: [5]}}\n");
  ASSERT_EQ(run.process.exit_code, 0) << run.process.output;
  ASSERT_EQ(run.log.size(), 4u);
  for (const json& entry : run.log) {
    const std::string tool = entry.at("tool");
    const std::string codec = tool == "dcvc-fm" ? "fm" : tool == "dcvc-rt" ? "rt" : "gvc";
    const std::string key = tool == "dcvc-fm" ? "q-index=" : "qp=";
    const json& c = cell(run, codec, key + std::to_string(entry.at("qp").get<int>()));
    expect_ok_at_the_bitstream_rate(c, entry);
    EXPECT_GT(metric(c, "psnr_y"), 15);
    // One sequence, one rate point, one intra frame per clip, real bitstreams.
    EXPECT_EQ(entry.at("sequence").at("intra_period"), kFrames);
    EXPECT_EQ(entry.at("sequence").at("frames"), kFrames);
    EXPECT_EQ(entry.at("sequence").at("width"), kWidth);
    const std::vector<std::string> argv = argv_of(entry);
    const auto after = [&](const std::string& flag) {
      const auto it = std::find(argv.begin(), argv.end(), flag);
      return it == argv.end() || it + 1 == argv.end() ? std::string("(absent)") : *(it + 1);
    };
    EXPECT_EQ(after("--rate_num"), "1");
    EXPECT_EQ(after("--write_stream"), tool == "gvc-rt" ? "true" : "1");
    EXPECT_EQ(after("--save_decoded_frame"), "1");
    EXPECT_EQ(after(tool == "dcvc-fm" ? "--q_indexes_p" : "--qp_p"),
              std::to_string(entry.at("qp").get<int>()));
  }
  EXPECT_GT(cell(run, "fm", "q-index=0").at("bits").get<uint64_t>(),
            cell(run, "fm", "q-index=63").at("bits").get<uint64_t>());
}

// DCVC's default --write_stream 0 reports an entropy estimate and writes no bitstream: refused.
TEST(LearnedPresets, EntropyEstimatesAreRefused) {
  const TempDir scratch("tgvc_preset_estimate_");
  const fs::path dir = scratch.path();
  const std::string fm = learned_params(dir, "DCVC-FM", "test_video.py", "dcvc-dir",
                                        {"cvpr2024_image.pth.tar", "cvpr2024_video.pth.tar"});
  const std::string rt = learned_params(dir, "DCVC-RT", "test_video.py", "dcvc-dir",
                                        {"cvpr2025_image.pth.tar", "cvpr2025_video.pth.tar"});
  const PresetRun run =
      run_codecs(dir, "  - {name: fm, preset: dcvc-fm, params: {" + fm +
                          ", write-stream: '0'}, sweep: {q-index: [10]}}\n"
                          "  - {name: rt, preset: dcvc-rt, params: {" +
                          rt + ", env: {TGVC_FAKE_FAIL: nobitstream}}, sweep: {qp: [10]}}\n");
  EXPECT_NE(run.process.exit_code, 0);
  const json& fm_cell = cell(run, "fm", "q-index=10");
  EXPECT_EQ(fm_cell.at("status"), "failed");
  EXPECT_THAT(fm_cell.value("error", ""), HasSubstr("is --write_stream 1 set?"));
  EXPECT_EQ(fm_cell.at("bits"), 0);
  EXPECT_EQ(cell(run, "rt", "qp=10").at("status"), "failed");
}

// ActDiff-VC: the keyframe files and the TRJ1 trajectory files together are the rate, one
// component each; its 720x480 decode comes back at the source's size.
TEST(ActDiffPreset, KeyframesAndTrajectoriesAreTheRate) {
  const TempDir scratch("tgvc_preset_actdiff_");
  const fs::path dir = scratch.path();
  install_fake(dir / "bin", "pixi");
  fs::create_directories(dir / "ActDiff-VC");
  std::ofstream(dir / "ActDiff-VC" / "pixi.toml");
  const PresetRun run = run_codecs(
      dir, "  - {name: ad, preset: actdiff-vc, params: {actdiff-dir: '" + (dir / "ActDiff-VC").string() +
               "', pixi: '" + (dir / "bin" / "pixi").string() +
               "', python: /usr/bin/python3}, sweep: {keyframe-codec: [hific-low, hific-high]}}\n");
  ASSERT_EQ(run.process.exit_code, 0) << run.process.output;
  ASSERT_EQ(run.log.size(), 2u);
  for (const json& entry : run.log) {
    const std::vector<std::string> argv = argv_of(entry);
    const auto codec = std::find(argv.begin(), argv.end(), "--keyframe_codec");
    ASSERT_NE(codec, argv.end());
    EXPECT_THAT(argv, Contains("--keep_bitstream"));
    const json& c = cell(run, "ad", "keyframe-codec=" + *(codec + 1));
    expect_ok_at_the_bitstream_rate(c, entry);
    EXPECT_EQ(c.at("width"), kWidth);
    uint64_t sum = 0;
    bool trajectories = false;
    for (const json& part : c.at("rate_components")) {
      sum += part.at("bits").get<uint64_t>();
      trajectories =
          trajectories || part.at("name").get<std::string>().find("trajectories") != std::string::npos;
    }
    EXPECT_EQ(sum, c.at("bits").get<uint64_t>());
    EXPECT_TRUE(trajectories) << c.at("rate_components").dump();
  }
  EXPECT_GT(cell(run, "ad", "keyframe-codec=hific-high").at("bits").get<uint64_t>(),
            cell(run, "ad", "keyframe-codec=hific-low").at("bits").get<uint64_t>());
}

}  // namespace
}  // namespace tgvc::testing
