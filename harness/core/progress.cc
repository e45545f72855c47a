#include "harness/core/progress.h"

#include <unistd.h>

#include <fmt/format.h>

namespace tgvc {

std::string format_duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

Progress::Progress(int total, int skipped, std::FILE* out)
    : total_(total),
      done_(skipped),
      out_(out),
      tty_(out && ::isatty(::fileno(out)) != 0),
      start_(std::chrono::steady_clock::now()) {}

void Progress::cell_done(bool failed, const std::string& label) {
  if (!out_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  ++done_;
  ++run_;
  failed_ += failed ? 1 : 0;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double eta = elapsed / run_ * (total_ - done_);
  const std::string line =
      fmt::format("[{}/{}] cells done, {} failed, elapsed {}, ETA {}  {}{}", done_, total_, failed_,
                  format_duration(elapsed), format_duration(eta), label, failed ? " FAILED" : "");
  if (tty_) {
    fmt::print(out_, "\r\033[K{}", line);
  } else {
    fmt::print(out_, "{}\n", line);
  }
  std::fflush(out_);
}

void Progress::finish() {
  if (!out_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (tty_ && run_ > 0) fmt::print(out_, "\n");
  std::fflush(out_);
}

}  // namespace tgvc
