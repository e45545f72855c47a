// Directories for one piece of work under the system's temporary folder ($TMPDIR, else /tmp),
// removed with their contents when their owner is done with them, and also when the process is
// ended by a signal (termination.h): input copies of whole sequences must not pile up on a
// cluster's nodes.
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
  // The path of `name` in the directory.
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Removes every TempDir alive, and lets no other be made: for the process's last moments.
void remove_live_temp_dirs();

}  // namespace tgvc
