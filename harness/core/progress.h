// A one-line progress report: cells done of total, failures, elapsed time and ETA.
#pragma once

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

namespace tgvc {

class Progress {
 public:
  // `skipped` cells were already done (resumed); they do not count towards the ETA.
  // A null `out` makes every call a no-op.
  Progress(int total, int skipped, std::FILE* out);

  // Thread-safe. Prints one line per call ('\r'-rewritten on a terminal, '\n' otherwise).
  void cell_done(bool failed, const std::string& label);
  void finish();

 private:
  int total_;
  int done_;
  int run_ = 0;
  int failed_ = 0;
  std::FILE* out_;
  bool tty_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
};

// "1:05" or "1:02:03".
std::string format_duration(double seconds);

}  // namespace tgvc
