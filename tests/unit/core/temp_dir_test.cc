#include "harness/core/temp_dir.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

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

// A child process with the termination thread, a TempDir holding a file, then SIGTERM (what a
// Slurm time limit or scancel sends): the directory is gone and the child died by that signal.
TEST(TempDir, RemovedWhenTheProcessIsEndedBySigterm) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::close(pipe_fds[0]);
    remove_temp_dirs_on_termination();
    const TempDir dir("tgvc-temp-dir-test-");
    std::ofstream(dir.path() + "/input.y4m") << "frames";
    const std::string line = dir.path() + "\n";
    if (::write(pipe_fds[1], line.data(), line.size()) != static_cast<ssize_t>(line.size())) ::_exit(1);
    for (;;) ::pause();
  }
  ::close(pipe_fds[1]);
  std::string path;
  char c = 0;
  while (::read(pipe_fds[0], &c, 1) == 1 && c != '\n') path += c;
  ::close(pipe_fds[0]);
  ASSERT_FALSE(path.empty()) << "the child made no directory";
  EXPECT_TRUE(fs::exists(path + "/input.y4m"));
  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM) << "status " << status;
  EXPECT_FALSE(fs::exists(path));
  std::error_code ec;
  fs::remove_all(path, ec);  // so that a failure leaves nothing behind
}

}  // namespace
}  // namespace tgvc
