#include "harness/core/temp_dir.h"

#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>

#include "harness/core/error.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

// The TempDirs alive. A directory is created and removed under the lock, so the last-moment
// step never sees one half made or half removed.
struct LiveDirs {
  std::mutex mutex;
  std::set<std::string> paths;
};

LiveDirs& live_dirs() {
  static LiveDirs* dirs = new LiveDirs;  // never destroyed: remove_live_temp_dirs may run at exit
  return *dirs;
}

}  // namespace

TempDir::TempDir(const std::string& prefix) {
  std::string pattern = (fs::temp_directory_path() / (prefix + "XXXXXX")).string();
  LiveDirs& live = live_dirs();
  const std::lock_guard<std::mutex> lock(live.mutex);
  if (!::mkdtemp(pattern.data())) {
    throw Error("cannot create a work dir " + pattern + ": " + std::strerror(errno));
  }
  path_ = pattern;
  live.paths.insert(path_);
}

TempDir::~TempDir() {
  LiveDirs& live = live_dirs();
  const std::lock_guard<std::mutex> lock(live.mutex);
  std::error_code ec;
  fs::remove_all(path_, ec);
  live.paths.erase(path_);
}

void remove_live_temp_dirs() {
  LiveDirs& live = live_dirs();
  live.mutex.lock();  // kept: no directory is made after this
  for (const std::string& path : live.paths) {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
}

}  // namespace tgvc
