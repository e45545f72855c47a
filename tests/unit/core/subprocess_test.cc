// run_program, the one argv runner (sbatch and friends, external codecs): argv straight to the
// program (no shell), stdout and stderr apart, the exit code or signal, stdin /dev/null, the
// environment and working directory it is given, a timeout that kills the whole process group,
// bounded tails, and an InputError for a program that does not exist.
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "harness/core/error.h"
#include "harness/core/subprocess.h"

namespace tgvc {
namespace {

ProgramResult run(std::vector<std::string> argv) {
  ProgramRun r;
  r.argv = std::move(argv);
  return run_program(r);
}

TEST(Subprocess, CapturesBothStreamsAndTheExitCode) {
  const ProgramResult out = run({"/bin/sh", "-c", "echo out; echo err >&2; exit 7"});
  EXPECT_EQ(out.out, "out\n");
  EXPECT_EQ(out.err, "err\n");
  EXPECT_EQ(out.exit_code, 7);
  EXPECT_EQ(out.program, "/bin/sh");
  EXPECT_FALSE(out.ok());
  EXPECT_EQ(out.what_happened(0), "exited with status 7");
  EXPECT_EQ(out.last_lines(), "err");
}

TEST(Subprocess, ArgumentsReachTheProgramVerbatim) {
  // A shell would expand these; argv passes them as they are.
  const ProgramResult out = run({"printf", "%s|", "$HOME", "a b", "*", "'q'"});
  EXPECT_EQ(out.out, "$HOME|a b|*|'q'|");
  EXPECT_EQ(out.exit_code, 0);
  EXPECT_TRUE(out.ok());
}

TEST(Subprocess, LargeOutputOnBothStreamsDoesNotDeadlockAndIsKeptWhole) {
  const ProgramResult out = run({"/bin/sh", "-c", "head -c 300000 /dev/zero; head -c 300000 /dev/zero >&2"});
  EXPECT_EQ(out.out.size(), 300000u);
  EXPECT_EQ(out.err.size(), 300000u);
}

TEST(Subprocess, TailsKeepTheLastBytes) {
  ProgramRun r;
  r.argv = {"/bin/sh", "-c", "seq 1 100000; seq 1 100000 >&2"};
  r.tail_bytes = 100;
  const ProgramResult out = run_program(r);
  ASSERT_EQ(out.out.size(), 100u);
  EXPECT_EQ(out.out.substr(out.out.size() - 13), "99999\n100000\n");
  EXPECT_EQ(out.err, out.out);
}

TEST(Subprocess, StdinIsEmpty) {
  const ProgramResult out = run({"cat"});  // would wait for input on an inherited terminal
  EXPECT_EQ(out.out, "");
  EXPECT_EQ(out.exit_code, 0);
}

TEST(Subprocess, EnvironmentAndWorkingDirectoryAreTheRunsOwn) {
  const std::string dir = std::filesystem::canonical(std::filesystem::temp_directory_path()).string();
  ProgramRun r;
  r.argv = {"/bin/sh", "-c", "echo \"$TGVC_SUBPROCESS_TEST\"; pwd"};
  r.env = {{"TGVC_SUBPROCESS_TEST", "a value"}};
  r.workdir = dir;
  EXPECT_EQ(run_program(r).out, "a value\n" + dir + "\n");
  r.workdir.clear();  // this process's
  EXPECT_EQ(run_program(r).out, "a value\n" + std::filesystem::current_path().string() + "\n");
}

TEST(Subprocess, ASignalIsReported) {
  const ProgramResult out = run({"/bin/sh", "-c", "kill -9 $$"});
  EXPECT_EQ(out.signal, SIGKILL);
  EXPECT_EQ(out.exit_code, -1);
  EXPECT_FALSE(out.ok());
}

// The program and the child it started are both gone after the timeout: the group is killed.
TEST(Subprocess, ATimeoutKillsTheProgramsProcessGroup) {
  const std::string pid_file =
      (std::filesystem::temp_directory_path() / ("tgvc_subprocess_" + std::to_string(::getpid()))).string();
  ProgramRun r;
  r.argv = {"/bin/sh", "-c", "sleep 30 & echo $! > '" + pid_file + "'; sleep 30"};
  r.timeout_s = 0.5;
  const auto start = std::chrono::steady_clock::now();
  const ProgramResult out = run_program(r);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 10.0);
  EXPECT_TRUE(out.timed_out);
  EXPECT_FALSE(out.ok());
  EXPECT_EQ(out.what_happened(0.5), "ran past its timeout of 0.5 s (killed with its process group)");
  std::ifstream in(pid_file);
  pid_t child = 0;
  ASSERT_TRUE(in >> child);
  std::filesystem::remove(pid_file);
  // SIGKILL is delivered at once, but the orphan may stay a zombie until init reaps it.
  const auto running = [](pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string pid_text, name, state;
    return static_cast<bool>(stat >> pid_text >> name >> state) && state != "Z";
  };
  for (int i = 0; i < 50 && running(child); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_FALSE(running(child)) << "the child " << child << " outlived the timeout";
}

TEST(Subprocess, MissingProgramIsAnInputError) {
  EXPECT_THROW(run({"tgvc-no-such-program-here"}), InputError);
  EXPECT_EQ(resolve_program("tgvc-no-such-program-here", "/usr/bin:/bin"), "");
  EXPECT_EQ(resolve_program("sh", "/nonexistent:/bin"), "/bin/sh");
}

TEST(Subprocess, ThisExecutableIsAnAbsolutePath) {
  EXPECT_EQ(this_executable().front(), '/');
  EXPECT_NE(this_executable().find("unit_core"), std::string::npos);
}

}  // namespace
}  // namespace tgvc
