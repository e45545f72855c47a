// Directories for one piece of work under the system's temporary folder ($TMPDIR, else /tmp).
// Each is removed with its contents when its owner is done with it, and also when the process is
// ended by SIGTERM, SIGINT or SIGHUP (a Slurm time limit or scancel, Ctrl-C) once main() has
// called remove_temp_dirs_on_termination(): input copies of whole sequences must not pile up on
// a cluster's nodes.
#pragma once

#include <string>

namespace tgvc {

class TempDir {
 public:
  // A fresh directory named `prefix` and six random characters; Error when none can be made.
  explicit TempDir(const std::string& prefix);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Blocks SIGTERM, SIGINT and SIGHUP in the calling thread and starts a thread that waits for
// them: on one, it removes every TempDir alive and ends the process by that signal. Call it in
// main() before any other thread starts, so that every thread inherits the blocked signals
// (subprocess.h starts programs with none blocked).
void remove_temp_dirs_on_termination();

}  // namespace tgvc
