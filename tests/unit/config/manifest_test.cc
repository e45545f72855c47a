// The shipped dataset manifests against facts stated independently here: the JCT-VC common test
// conditions (JCTVC-L1100) for classes B-E, the UVG paper and the MCL-JCV paper and file names.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/config/experiment.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

struct Sequence {
  std::string name;
  std::string file;
  int width;
  int height;
  int fps;
  int frames;
};

// Every shipped manifest: its sequences as the standard documents list them.
std::map<std::string, std::vector<Sequence>> expected_manifests() {
  std::map<std::string, std::vector<Sequence>> m;
  m["hevc_b"] = {{"BQTerrace", "BQTerrace_1920x1080_60.yuv", 1920, 1080, 60, 600},
                 {"BasketballDrive", "BasketballDrive_1920x1080_50.yuv", 1920, 1080, 50, 500},
                 {"Cactus", "Cactus_1920x1080_50.yuv", 1920, 1080, 50, 500},
                 {"Kimono", "Kimono1_1920x1080_24.yuv", 1920, 1080, 24, 240},
                 {"ParkScene", "ParkScene_1920x1080_24.yuv", 1920, 1080, 24, 240}};
  m["hevc_c"] = {{"BQMall", "BQMall_832x480_60.yuv", 832, 480, 60, 600},
                 {"BasketballDrill", "BasketballDrill_832x480_50.yuv", 832, 480, 50, 500},
                 {"PartyScene", "PartyScene_832x480_50.yuv", 832, 480, 50, 500},
                 {"RaceHorsesC", "RaceHorses_832x480_30.yuv", 832, 480, 30, 300}};
  m["hevc_d"] = {{"BasketballPass", "BasketballPass_416x240_50.yuv", 416, 240, 50, 500},
                 {"BQSquare", "BQSquare_416x240_60.yuv", 416, 240, 60, 600},
                 {"BlowingBubbles", "BlowingBubbles_416x240_50.yuv", 416, 240, 50, 500},
                 {"RaceHorsesD", "RaceHorses_416x240_30.yuv", 416, 240, 30, 300}};
  m["hevc_e"] = {{"FourPeople", "FourPeople_1280x720_60.yuv", 1280, 720, 60, 600},
                 {"Johnny", "Johnny_1280x720_60.yuv", 1280, 720, 60, 600},
                 {"KristenAndSara", "KristenAndSara_1280x720_60.yuv", 1280, 720, 60, 600}};
  for (const char* name :
       {"Beauty", "Bosphorus", "HoneyBee", "Jockey", "ReadySteadyGo", "ShakeNDry", "YachtRide"}) {
    const int frames = std::string(name) == "ShakeNDry" ? 300 : 600;
    m["uvg"].push_back(
        {name, std::string(name) + "_1920x1080_120fps_420_8bit_YUV.yuv", 1920, 1080, 120, frames});
  }
  // MCL-JCV: 30 clips of 5 s; the rate of clip n is in its file name videoSRCnn_1920x1080_FPS.yuv.
  const int mcl_fps[30] = {30, 30, 30, 30, 25, 25, 25, 25, 25, 30, 30, 30, 30, 30, 30,
                           30, 24, 25, 30, 25, 24, 24, 24, 24, 24, 30, 30, 30, 24, 30};
  for (int i = 0; i < 30; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "videoSRC%02d", i + 1);
    m["mcl_jcv"].push_back({name, std::string(name) + "_1920x1080_" + std::to_string(mcl_fps[i]) + ".yuv",
                            1920, 1080, mcl_fps[i], 5 * mcl_fps[i]});
  }
  return m;
}

std::string manifest_path(const std::string& name) {
  return std::string(TGVC_SOURCE_DIR) + "/datasets/" + name + ".yaml";
}

// Sparse stand-ins of each file's exact 8-bit 4:2:0 size (no disk blocks are written).
void make_stand_ins(const fs::path& root, const std::vector<Sequence>& sequences, int frames_delta = 0) {
  fs::create_directories(root);
  for (const Sequence& s : sequences) {
    const fs::path file = root / s.file;
    std::ofstream{file};
    fs::resize_file(file, static_cast<uintmax_t>(s.width) * s.height * 3 / 2 * (s.frames + frames_delta));
  }
}

std::string config_for(const std::string& manifest, const fs::path& root) {
  return "experiment: m\ndatasets:\n  - manifest: {path: " + manifest + ", root: " + root.string() +
         "}\ncodecs: [{type: raw}]\n";
}

TEST(Manifests, ShippedManifestsHoldTheirDatasetsFacts) {
  const fs::path root = fs::temp_directory_path() / "tgvc_manifest_root";
  for (const auto& [name, sequences] : expected_manifests()) {
    fs::remove_all(root);
    fs::create_directories(root);
    const std::string config = config_for(manifest_path(name), root);
    try {
      parse_experiment(config, "m.yaml");
      FAIL() << "missing files must be reported";
    } catch (const InputError& e) {
      EXPECT_THAT(e.what(), HasSubstr(root.string()));
    }
    make_stand_ins(root, sequences);
    const Experiment e = parse_experiment(config, "m.yaml");
    ASSERT_EQ(e.sequences.size(), sequences.size()) << name;
    for (size_t i = 0; i < sequences.size(); ++i) {
      const Sequence& want = sequences[i];
      const SequenceSpec& got = e.sequences[i];
      EXPECT_EQ(got.name, want.name) << name;
      EXPECT_EQ(fs::path(got.path).filename(), want.file) << name;
      ASSERT_TRUE(got.raw.has_value());
      EXPECT_EQ(got.raw->width, want.width) << want.name;
      EXPECT_EQ(got.raw->height, want.height) << want.name;
      EXPECT_EQ(got.raw->fps.value(), want.fps) << want.name;
      // The file names carry geometry and rate; the CTC clips last 10 s, UVG 5 s (ShakeNDry
      // 2.5 s) and MCL-JCV 5 s.
      EXPECT_THAT(want.file, HasSubstr(std::to_string(want.width) + "x" + std::to_string(want.height) + "_" +
                                       std::to_string(want.fps)));
      const double seconds = want.name == "ShakeNDry" ? 2.5 : name == "mcl_jcv" || name == "uvg" ? 5.0 : 10.0;
      EXPECT_EQ(want.frames, seconds * want.fps) << want.name;
    }
  }
  fs::remove_all(root);
}

// A manifest's `frames` is checked against the file: one frame short is named with its sizes.
TEST(Manifests, StatedFramesCatchATruncatedCopy) {
  const fs::path root = fs::temp_directory_path() / "tgvc_manifest_short";
  fs::remove_all(root);
  std::vector<Sequence> sequences = expected_manifests().at("hevc_d");
  make_stand_ins(root, sequences);
  const Sequence& last = sequences.back();
  fs::resize_file(root / last.file,
                  static_cast<uintmax_t>(last.width) * last.height * 3 / 2 * (last.frames - 1));
  try {
    parse_experiment(config_for(manifest_path("hevc_d"), root), "m.yaml");
    FAIL() << "a truncated file must be reported";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("hevc_d.yaml:"));
    EXPECT_THAT(e.what(), HasSubstr("sequences[3].frames"));
    EXPECT_THAT(e.what(), HasSubstr(last.file));
    EXPECT_THAT(e.what(), HasSubstr("300 frames of 149760 bytes"));
    EXPECT_THAT(e.what(), HasSubstr(std::to_string(299 * 149760) + " bytes"));
  }
  fs::remove_all(root);
}

std::string file_config(const std::string& entry) {
  return "experiment: t\ndatasets:\n  - file: " + entry + "\ncodecs: [{type: raw}]\n";
}

// `frames` on a PNG folder counts its images; a container whose length is only known once
// decoded cannot state one.
TEST(Manifests, StatedFramesOnImageFoldersAndOtherContainers) {
  const fs::path folder = fs::temp_directory_path() / "tgvc_manifest_pngs" / "clip";
  fs::remove_all(folder.parent_path());
  fs::create_directories(folder);
  for (const char* f : {"im00001.png", "im00002.png", "im00003.png"}) std::ofstream(folder / f);
  EXPECT_EQ(
      parse_experiment(file_config("{path: " + folder.string() + ", frames: 3}"), "e.yaml").sequences.size(),
      1u);
  try {
    parse_experiment(file_config("{path: " + folder.string() + ", frames: 4}"), "e.yaml");
    FAIL() << "a short folder must be reported";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("e.yaml:3:"));
    EXPECT_THAT(e.what(), HasSubstr("with 4 PNGs"));
    EXPECT_THAT(e.what(), HasSubstr("3 PNGs"));
  }
  const fs::path mkv = folder.parent_path() / "clip.mkv";
  std::ofstream{mkv};
  try {
    parse_experiment(file_config("{path: " + mkv.string() + ", frames: 4}"), "e.yaml");
    FAIL() << "frames on a container must be refused";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("frames only for headerless .yuv files and PNG folders"));
  }
  fs::remove_all(folder.parent_path());
}

}  // namespace
}  // namespace tgvc

namespace tgvc {
namespace {

// The paper configs follow the T-GVC protocol and draw the paper's points; pointed at a root
// holding the sequences (sparse stand-ins here) they load.
TEST(PaperConfigs, LoadWithTheirDataAndFollowTheProtocol) {
  const auto manifests = expected_manifests();
  // hevc_b_learned: T-GVC with MS-ILLM keyframes and MS-ILLM all-intra (needs the weights to run).
  for (const auto& [name, dataset] :
       std::vector<std::pair<std::string, std::string>>{{"hevc_b", "hevc_b"},
                                                        {"hevc_c", "hevc_c"},
                                                        {"uvg", "uvg"},
                                                        {"mcl_jcv", "mcl_jcv"},
                                                        {"hevc_b_learned", "hevc_b"}}) {
    const std::string path = std::string(TGVC_SOURCE_DIR) + "/configs/paper/" + name + ".yaml";
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const fs::path root = fs::temp_directory_path() / ("tgvc_paper_" + name);
    make_stand_ins(root, manifests.at(dataset));
    const size_t at = text.find("root: /data/");
    ASSERT_NE(at, std::string::npos) << name;
    text.replace(at + 6, text.find('}', at) - at - 6, root.string());
    const Experiment e = parse_experiment(text, path);
    EXPECT_EQ(e.frames.count, 96) << name;
    ASSERT_TRUE(e.resize.has_value());
    EXPECT_EQ(e.resize->width, 512);
    EXPECT_EQ(e.resize->height, 320);
    EXPECT_EQ(e.resize->mode, ResizeMode::kSquash);
    EXPECT_TRUE(fs::exists(e.report.paper_points)) << e.report.paper_points;
    EXPECT_EQ(e.codecs[0].type, "tgvc");
    if (name == "hevc_b_learned") {
      EXPECT_EQ(e.codecs[1].type, "learned");
    }
    fs::remove_all(root);
  }
}

// The baselines' paper configs (HM, VTM, DCVC-FM) run the four paper datasets through their
// presets; their programs are the user's to supply, as their first line says.
TEST(PaperConfigs, BaselinesLoadThroughTheirPresets) {
  const auto manifests = expected_manifests();
  const fs::path root = fs::temp_directory_path() / "tgvc_paper_baselines";
  fs::remove_all(root);
  size_t sequences = 0;
  for (const char* name : {"hevc_b", "hevc_c", "uvg", "mcl_jcv"}) {
    make_stand_ins(root, manifests.at(name));
    sequences += manifests.at(name).size();
  }
  const std::map<std::string, std::string> presets = {
      {"hm", "hm-ra"}, {"vtm", "vtm-ra"}, {"dcvc_fm", "dcvc-fm"}};
  for (const auto& [name, preset] : presets) {
    SCOPED_TRACE(preset);
    const std::string path = std::string(TGVC_SOURCE_DIR) + "/configs/paper/" + name + ".yaml";
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text.rfind("# NEEDS A USER-SUPPLIED", 0) == 0 || text.rfind("# NEEDS USER-SUPPLIED", 0) == 0,
              true)
        << name;
    for (size_t at = text.find("root: /data/"); at != std::string::npos; at = text.find("root: /data/", at)) {
      text.replace(at + 6, text.find('}', at) - at - 6, root.string());
    }
    const Experiment e = parse_experiment(text, path);
    EXPECT_EQ(e.sequences.size(), sequences) << name;
    EXPECT_EQ(e.frames.count, 96) << name;
    ASSERT_TRUE(e.resize.has_value());
    EXPECT_EQ(e.resize->width, 512);
    EXPECT_EQ(e.resize->mode, ResizeMode::kSquash);
    ASSERT_EQ(e.codecs.size(), 1u);
    EXPECT_EQ(e.codecs[0].type, "external") << name;
    EXPECT_EQ(e.codecs[0].preset, preset) << name;
    EXPECT_EQ(e.codecs[0].rate_points.size(), 4u) << name;
    EXPECT_TRUE(fs::exists(e.report.paper_points)) << e.report.paper_points;
  }
  fs::remove_all(root);
}

}  // namespace
}  // namespace tgvc
