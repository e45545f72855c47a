#include "harness/core/temp_dir.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace tgvc {
namespace {

namespace fs = std::filesystem;

TEST(TempDir, IsMadeUnderTheTempFolderAndRemovedWithItsContents) {
  std::string path;
  {
    const TempDir dir("tgvc-temp-dir-test-");
    path = dir.path();
    EXPECT_EQ(fs::path(path).parent_path(), fs::temp_directory_path());
    EXPECT_EQ(fs::path(path).filename().string().rfind("tgvc-temp-dir-test-", 0), 0u);
    ASSERT_TRUE(fs::is_directory(path));
    fs::create_directories(path + "/sub");
    std::ofstream(path + "/sub/input.y4m") << "frames";
  }
  EXPECT_FALSE(fs::exists(path));
}

}  // namespace
}  // namespace tgvc
