// run_program: argv straight to the program (no shell), stdout and stderr apart, the exit code,
// stdin, and an Error for a program that does not exist.
#include <gtest/gtest.h>

#include "harness/core/error.h"
#include "harness/core/subprocess.h"

namespace tgvc {
namespace {

TEST(Subprocess, CapturesBothStreamsAndTheExitCode) {
  const ProgramOutput out = run_program({"/bin/sh", "-c", "echo out; echo err >&2; exit 7"});
  EXPECT_EQ(out.out, "out\n");
  EXPECT_EQ(out.err, "err\n");
  EXPECT_EQ(out.exit_code, 7);
}

TEST(Subprocess, ArgumentsReachTheProgramVerbatim) {
  // A shell would expand these; argv passes them as they are.
  const ProgramOutput out = run_program({"printf", "%s|", "$HOME", "a b", "*", "'q'"});
  EXPECT_EQ(out.out, "$HOME|a b|*|'q'|");
  EXPECT_EQ(out.exit_code, 0);
}

TEST(Subprocess, LargeOutputOnBothStreamsDoesNotDeadlock) {
  const ProgramOutput out =
      run_program({"/bin/sh", "-c", "head -c 300000 /dev/zero; head -c 300000 /dev/zero >&2"});
  EXPECT_EQ(out.out.size(), 300000u);
  EXPECT_EQ(out.err.size(), 300000u);
}

TEST(Subprocess, StdinReachesTheProgram) {
  EXPECT_EQ(run_program({"cat"}, "line\n").out, "line\n");
}

TEST(Subprocess, MissingProgramIsAnError) {
  EXPECT_THROW(run_program({"tgvc-no-such-program-here"}), Error);
}

TEST(Subprocess, ThisExecutableIsAnAbsolutePath) {
  EXPECT_EQ(this_executable().front(), '/');
  EXPECT_NE(this_executable().find("unit_core"), std::string::npos);
}

}  // namespace
}  // namespace tgvc
