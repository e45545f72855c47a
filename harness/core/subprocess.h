// Runs an external program from an argv vector (never through a shell) and captures its output:
// the Slurm executor's sbatch, squeue, scontrol and scancel.
#pragma once

#include <string>
#include <vector>

namespace tgvc {

struct ProgramOutput {
  int exit_code = -1;  // -1 when it was killed by a signal
  std::string out;     // stdout
  std::string err;     // stderr
};

// argv[0] is looked up on PATH. Throws Error when the program cannot be started at all.
ProgramOutput run_program(const std::vector<std::string>& argv, const std::string& stdin_text = {});

// The absolute path of the running executable (/proc/self/exe), so that a job runs this binary.
std::string this_executable();

}  // namespace tgvc
