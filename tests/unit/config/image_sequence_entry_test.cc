// `file:` entries that name an image sequence: a folder of numbered PNGs or a printf pattern.
#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/config/experiment.h"
#include "harness/core/error.h"
#include "harness/core/temp_dir.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A folder with empty stand-ins for im00001.png .. im0000N.png (the loader only lists them), in
// a scratch dir removed at exit.
fs::path png_folder(const std::string& name, int frames) {
  static const TempDir scratch("tgvc-config-images-");
  const fs::path folder = fs::path(scratch.path()) / name;
  fs::remove_all(folder);
  fs::create_directories(folder);
  for (int f = 1; f <= frames; ++f) {
    char file[32];
    std::snprintf(file, sizeof file, "im%05d.png", f);
    std::ofstream(folder / file);
  }
  return folder;
}

std::string config_for(const std::string& entry) {
  return "experiment: t\ndatasets:\n  - file: " + entry + "\ncodecs: [{type: raw}]\n";
}

TEST(ImageSequenceEntry, FolderAndPatternLoadWithNameAndRate) {
  const fs::path folder = png_folder("BasketballDrive", 3);
  Experiment e = parse_experiment(config_for("{path: " + folder.string() + "/}"), "exp.yaml");
  ASSERT_EQ(e.sequences.size(), 1u);
  EXPECT_EQ(e.sequences[0].name, "BasketballDrive");
  ASSERT_TRUE(e.sequences[0].raw.has_value());
  EXPECT_EQ(e.sequences[0].raw->fps.value(), 30.0);
  e = parse_experiment(config_for("{path: " + folder.string() + "/im%05d.png, fps: 25}"), "exp.yaml");
  EXPECT_EQ(e.sequences[0].name, "BasketballDrive");
  EXPECT_EQ(e.sequences[0].raw->fps.value(), 25.0);
}

TEST(ImageSequenceEntry, GapsAndGeometryKeysAreErrorsAtTheEntry) {
  const fs::path folder = png_folder("gap", 4);
  fs::remove(folder / "im00002.png");
  try {
    parse_experiment(config_for("{path: " + folder.string() + "}"), "exp.yaml");
    FAIL() << "a gap must be reported";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("exp.yaml:3:"));
    EXPECT_THAT(e.what(), HasSubstr("im00003.png"));
    EXPECT_THAT(e.what(), HasSubstr("frame number 2"));
  }
  const fs::path good = png_folder("good", 2);
  EXPECT_THROW(parse_experiment(config_for("{path: " + good.string() + ", width: 64}"), "exp.yaml"),
               InputError);
  EXPECT_THROW(parse_experiment(config_for("{path: " + good.string() + "/x%05d.png}"), "exp.yaml"),
               InputError);
}

}  // namespace
}  // namespace tgvc
