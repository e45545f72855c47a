#include "harness/core/termination.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "harness/core/subprocess.h"
#include "harness/core/temp_dir.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

// Whether `pid` is a live process (a zombie is not).
bool alive(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  const std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const size_t paren = stat.rfind(')');
  return paren != std::string::npos && paren + 2 < stat.size() && stat[paren + 2] != 'Z';
}

// A child process that called clean_up_on_termination, holds a TempDir with a file and runs a
// program (a sleep in a process group of its own), then gets SIGTERM, as from a Slurm time limit
// or scancel: it dies by SIGTERM, the directory is gone and so is the program.
TEST(Termination, SigtermKillsTheRunningProgramsAndRemovesTheWorkDirs) {
  const TempDir scratch("tgvc-termination-test-");
  const std::string pid_file = scratch.path() + "/sleep.pid";
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::close(pipe_fds[0]);
    clean_up_on_termination();
    const TempDir dir("tgvc-termination-test-");
    std::ofstream(dir.path() + "/input.y4m") << "frames";
    ProgramRun sleeper;
    sleeper.argv = {"/bin/sh", "-c", "echo $$ > \"$0\"; exec sleep 60", pid_file};
    std::thread([&] { run_program(sleeper); }).detach();
    while (!fs::exists(pid_file) || fs::file_size(pid_file) == 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
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
  int sleep_pid = 0;
  std::ifstream(pid_file) >> sleep_pid;
  ASSERT_GT(sleep_pid, 0);
  EXPECT_TRUE(alive(sleep_pid));
  EXPECT_TRUE(fs::exists(path + "/input.y4m"));

  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM) << "status " << status;
  EXPECT_FALSE(fs::exists(path));
  // SIGKILL is sent before the child dies; give the kernel a moment to finish the sleep.
  for (int i = 0; i < 100 && alive(sleep_pid); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_FALSE(alive(sleep_pid));
  if (alive(sleep_pid)) ::kill(sleep_pid, SIGKILL);  // so that a failure leaves nothing behind
  std::error_code ec;
  fs::remove_all(path, ec);
}

}  // namespace
}  // namespace tgvc
