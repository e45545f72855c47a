// The codec registry (codecs/registry.cc) equals the codec folders: every folder under codecs/ has
// a tgvc_codec(...) line in codecs/CMakeLists.txt (or, for a library the codecs share, a
// tgvc_codec_library(...) line), and the registry holds exactly the codecs that those lines built.
// TGVC_CODEC_FOLDERS, TGVC_BUILT_CODECS and TGVC_CODEC_LIBRARY_FOLDERS come from those functions
// (comma lists).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>

#include "codecs/codec.h"

namespace tgvc {
namespace {

std::set<std::string> split_commas(const std::string& text) {
  std::set<std::string> items;
  std::istringstream in(text);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) items.insert(item);
  }
  return items;
}

TEST(CodecRegistry, EveryCodecFolderHasATgvcCodecLine) {
  std::set<std::string> folders;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(TGVC_SOURCE_DIR) / "codecs")) {
    if (entry.is_directory()) folders.insert(entry.path().filename().string());
  }
  EXPECT_THAT(folders, ::testing::Contains("raw"));
  std::set<std::string> listed = split_commas(TGVC_CODEC_FOLDERS);
  for (const std::string& library : split_commas(TGVC_CODEC_LIBRARY_FOLDERS)) {
    EXPECT_TRUE(listed.insert(library).second) << library << " is both a codec and a library folder";
  }
  EXPECT_EQ(folders, listed);
}

TEST(CodecRegistry, HoldsExactlyTheBuiltCodecs) {
  std::set<std::string> ids;
  for (const Codec* codec : all_codecs()) {
    EXPECT_TRUE(ids.insert(codec->id()).second) << "codec id " << codec->id() << " registered twice";
    EXPECT_EQ(find_codec(codec->id()), codec);
  }
  EXPECT_EQ(ids, split_commas(TGVC_BUILT_CODECS));
}

}  // namespace
}  // namespace tgvc
