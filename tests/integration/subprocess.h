// Runs the tgvc-bench binary from an argv vector (never a shell) and captures its output.
#pragma once

#include <string>
#include <vector>

namespace tgvc::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;
  std::string output;  // stdout and stderr together
};

ProcessResult run_process(const std::vector<std::string>& argv);

// Starts argv in the background; returns its pid. Output goes to /dev/null.
int start_process(const std::vector<std::string>& argv);

}  // namespace tgvc::testing
