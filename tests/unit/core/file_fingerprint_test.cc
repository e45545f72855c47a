#include "harness/core/file_fingerprint.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "harness/core/sha256.h"
#include "harness/core/temp_dir.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

class FileFingerprint : public ::testing::Test {
 protected:
  void write(const std::string& name, const std::string& bytes) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  const TempDir scratch_{"tgvc-fingerprint-"};
  const fs::path dir_{scratch_.path()};
};

// FIPS 180-2's "abc" example.
constexpr const char* kAbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

TEST_F(FileFingerprint, FileIsItsContentSha256) {
  write("m.pt", "abc");
  EXPECT_EQ(content_fingerprint((dir_ / "m.pt").string()), std::string("file sha256=") + kAbcSha256);
  EXPECT_EQ(content_fingerprint((dir_ / "missing.pt").string()), "absent");
  EXPECT_EQ(content_fingerprint(""), "absent");
}

TEST_F(FileFingerprint, RewriteInPlaceWithSameSizeAndMtimeIsSeen) {
  write("m.pt", "abc");
  const std::string path = (dir_ / "m.pt").string();
  const std::string first = content_fingerprint(path);
  const fs::file_time_type mtime = fs::last_write_time(path);
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);  // same inode
    f.seekp(1);
    f << 'X';
  }
  fs::last_write_time(path, mtime);
  EXPECT_NE(content_fingerprint(path), first);
  EXPECT_EQ(content_fingerprint(path), "file sha256=" + sha256_hex("aXc"));
}

TEST_F(FileFingerprint, DirectoryHashesEveryFileByRelativeNameInOrder) {
  write("model/z.pt", "abc");
  write("model/sub/a.pt", "");
  write("model/b.txt", "b");
  fs::create_directories(dir_ / "model/empty");
  const std::string expected_list = std::string("b.txt") + '\0' + sha256_hex("b") + "\n" + "sub/a.pt" + '\0' +
                                    sha256_hex("") + "\n" + "z.pt" + '\0' + kAbcSha256 + "\n";
  EXPECT_EQ(content_fingerprint((dir_ / "model").string()),
            "directory files=3 sha256=" + sha256_hex(expected_list));
  // A symbolic link to a file counts as the file (model caches link their blobs).
  fs::create_symlink(dir_ / "model/z.pt", dir_ / "model/link.pt");
  const std::string with_link = std::string("b.txt") + '\0' + sha256_hex("b") + "\n" + "link.pt" + '\0' +
                                kAbcSha256 + "\n" + "sub/a.pt" + '\0' + sha256_hex("") + "\n" + "z.pt" +
                                '\0' + kAbcSha256 + "\n";
  EXPECT_EQ(content_fingerprint((dir_ / "model").string()),
            "directory files=4 sha256=" + sha256_hex(with_link));
}

TEST_F(FileFingerprint, APipeIsNotRead) {
  const std::string fifo = (dir_ / "pipe").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(content_fingerprint(fifo), "other");  // reading it would block
}

}  // namespace
}  // namespace tgvc
