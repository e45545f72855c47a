#include "harness/core/temp_dir.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "harness/core/error.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

// The TempDirs alive. A directory is created and removed under the lock, so the termination
// thread never sees one half made or half removed.
struct LiveDirs {
  std::mutex mutex;
  std::set<std::string> paths;
};

LiveDirs& live_dirs() {
  static LiveDirs* dirs = new LiveDirs;  // never destroyed: the termination thread may outlive statics
  return *dirs;
}

sigset_t termination_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (int s : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&set, s);
  return set;
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

void remove_temp_dirs_on_termination() {
  const sigset_t signals = termination_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread([signals] {
    int signal = 0;
    if (sigwait(&signals, &signal) != 0) return;
    LiveDirs& live = live_dirs();
    live.mutex.lock();  // kept: no directory is made after this
    for (const std::string& path : live.paths) {
      std::error_code ec;
      fs::remove_all(path, ec);
    }
    // The process ends by the same signal, as it would have without this thread.
    ::signal(signal, SIG_DFL);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, signal);
    pthread_sigmask(SIG_UNBLOCK, &only, nullptr);
    ::raise(signal);
  }).detach();
}

}  // namespace tgvc
