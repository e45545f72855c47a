// Writers that replace their target by a rename must write a device or FIFO in place: `-o
// /dev/null` run as root used to replace /dev/null itself with a regular file.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <string>

#include "harness/core/atomic_file.h"
#include "harness/io/y4m_writer.h"
#include "tests/unit/io/io_test_support.h"

namespace tgvc {
namespace {

// A FIFO with its reading end open (so that a writer's open does not block).
class Fifo {
 public:
  explicit Fifo(std::string path) : path_(std::move(path)) {
    EXPECT_EQ(::mkfifo(path_.c_str(), 0600), 0);
    reader_ = ::open(path_.c_str(), O_RDONLY | O_NONBLOCK);
    EXPECT_GE(reader_, 0);
  }
  ~Fifo() { ::close(reader_); }
  bool still_a_fifo() const {
    struct stat info {};
    return ::lstat(path_.c_str(), &info) == 0 && S_ISFIFO(info.st_mode);
  }
  std::string read_all() const {
    std::string out;
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(reader_, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(n));
    return out;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int reader_ = -1;
};

TEST(SpecialFileOutput, AtomicWritesGoIntoAFifoInPlace) {
  testing::ScratchDir dir;
  const Fifo fifo(dir.file("out"));
  EXPECT_TRUE(is_special_file(fifo.path()));
  EXPECT_FALSE(is_special_file(dir.file("")));  // a directory
  write_file_atomically(fifo.path(), "results");
  EXPECT_TRUE(fifo.still_a_fifo());
  EXPECT_EQ(fifo.read_all(), "results");
  // A regular file is still replaced by a rename.
  write_file_atomically(dir.file("plain"), "a");
  EXPECT_FALSE(is_special_file(dir.file("plain")));
  EXPECT_EQ(read_file(dir.file("plain")), "a");
}

TEST(SpecialFileOutput, Y4mGoesIntoAFifoInPlace) {
  testing::ScratchDir dir;
  const Fifo fifo(dir.file("video.y4m"));
  const Video video = testing::random_video(16, 8, PixelFormat{}, 1, 3);
  write_y4m(fifo.path(), video);
  EXPECT_TRUE(fifo.still_a_fifo());
  EXPECT_EQ(fifo.read_all().rfind("YUV4MPEG2 W16 H8", 0), 0u);
}

}  // namespace
}  // namespace tgvc
