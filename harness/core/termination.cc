#include "harness/core/termination.h"

#include <pthread.h>
#include <signal.h>

#include <thread>

#include "harness/core/subprocess.h"
#include "harness/core/temp_dir.h"

namespace tgvc {

void clean_up_on_termination() {
  sigset_t signals;
  sigemptyset(&signals);
  for (int s : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&signals, s);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread([signals] {
    int signal = 0;
    if (sigwait(&signals, &signal) != 0) return;
    // The programs first: they may still be writing into the work dirs.
    kill_running_programs();
    remove_live_temp_dirs();
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
