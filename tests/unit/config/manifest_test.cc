#include <filesystem>
#include <fstream>
#include <iterator>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/config/experiment.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

// The shipped manifests name real dataset files; with empty stand-ins under a root they parse
// into the expected sequences, and without them the missing file is named.
TEST(Manifests, ShippedManifestsParseAgainstARoot) {
  const fs::path root = fs::temp_directory_path() / "tgvc_manifest_root";
  fs::create_directories(root);
  const std::map<std::string, int> expected = {{"hevc_b", 5}, {"hevc_c", 4}, {"uvg", 7}};
  for (const auto& [name, count] : expected) {
    const std::string manifest = std::string(TGVC_SOURCE_DIR) + "/datasets/" + name + ".yaml";
    const std::string config = "experiment: m\ndatasets:\n  - manifest: {path: " + manifest +
                               ", root: " + root.string() + "}\ncodecs: [{type: raw}]\n";
    try {
      parse_experiment(config, "m.yaml");
      FAIL() << "missing files must be reported";
    } catch (const InputError& e) {
      EXPECT_THAT(e.what(), ::testing::HasSubstr(root.string()));
    }
    // Create every file the manifest names, then it loads.
    std::ifstream in(manifest);
    std::string line;
    while (std::getline(in, line)) {
      const size_t at = line.find("path: ");
      if (at != std::string::npos) std::ofstream(root / line.substr(at + 6, line.find(',', at) - at - 6));
    }
    const Experiment e = parse_experiment(config, "m.yaml");
    EXPECT_EQ(static_cast<int>(e.sequences.size()), count) << name;
    ASSERT_TRUE(e.sequences[0].raw.has_value());
    EXPECT_GE(e.sequences[0].raw->width, 832);
  }
  fs::remove_all(root);
}

}  // namespace
}  // namespace tgvc

namespace tgvc {
namespace {

// The paper configs follow the T-GVC protocol and draw the paper's points; pointed at a root
// holding the sequences (empty stand-ins here) they load.
TEST(PaperConfigs, LoadWithTheirDataAndFollowTheProtocol) {
  // hevc_b_learned: T-GVC with MS-ILLM keyframes and MS-ILLM all-intra (needs the weights to run).
  for (const auto& [name, dataset] : std::vector<std::pair<std::string, std::string>>{
           {"hevc_b", "hevc_b"}, {"hevc_c", "hevc_c"}, {"uvg", "uvg"}, {"hevc_b_learned", "hevc_b"}}) {
    const std::string path = std::string(TGVC_SOURCE_DIR) + "/configs/paper/" + name + ".yaml";
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const fs::path root = fs::temp_directory_path() / ("tgvc_paper_" + name);
    fs::create_directories(root);
    std::ifstream manifest(std::string(TGVC_SOURCE_DIR) + "/datasets/" + dataset + ".yaml");
    std::string line;
    while (std::getline(manifest, line)) {
      const size_t at = line.find("path: ");
      if (at != std::string::npos) std::ofstream(root / line.substr(at + 6, line.find(',', at) - at - 6));
    }
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

}  // namespace
}  // namespace tgvc
