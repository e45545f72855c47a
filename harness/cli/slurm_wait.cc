#include "harness/cli/slurm_wait.h"

#include <chrono>
#include <thread>

#include <fmt/format.h>

#include "harness/core/error.h"
#include "harness/core/progress.h"
#include "harness/run/run_status.h"
#include "harness/run/slurm_executor.h"

namespace tgvc {

int wait_for_slurm_run(const std::string& run_dir, const std::string& finalize_job_id, bool quiet) {
  using Clock = std::chrono::steady_clock;
  RunStatusTracker tracker(run_dir);
  const auto start = Clock::now();
  const int reused = tracker.submission().reused;
  std::string last;
  RunStatus status;
  int squeue_errors = 0;
  for (;;) {
    // A busy or restarting slurmctld can refuse a few queries; ten seconds of refusals end the wait.
    try {
      status = tracker.update();
      squeue_errors = 0;
    } catch (const Error& e) {
      if (++squeue_errors > 20) throw;
      if (!quiet) fmt::print(stderr, "slurm: {} (retrying)\n", e.what());
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      continue;
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    // The ETA extrapolates from the cells this submission finished so far.
    const int finished_now = status.done + status.failed - reused;
    const int left = status.running + status.pending;
    std::string line = describe(status);
    line += finished_now > 0 && left > 0 ? fmt::format(", elapsed {}, ETA {}", format_duration(elapsed),
                                                       format_duration(elapsed / finished_now * left))
                                         : fmt::format(", elapsed {}", format_duration(elapsed));
    if (!status.jobs_queued)
      line += status.finalize_queued ? "" : "; results written";
    else if (left == 0)
      line += "; finalizing";
    // Print when the counts change, not every poll.
    const std::string key = describe(status) + (left == 0 ? "f" : "");
    if (!quiet && key != last) fmt::print(stderr, "slurm: {}\n", line);
    last = key;
    if (!status.jobs_queued) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  if (finalized_by(run_dir) != finalize_job_id) {
    throw Error("finalize job " + finalize_job_id + " ended without writing the results of " + run_dir +
                "; its log is " + run_dir + "/slurm/logs/finalize-" + finalize_job_id + ".out");
  }
  fmt::print("{} cells ({} done before), {} failed, {} missing; results in {}/results.csv\n",
             status.done + status.failed + status.missing, reused, status.failed, status.missing, run_dir);
  for (const FailedCell& f : status.failures)
    fmt::print("  failed {} at {}: {}\n", f.cell_id, f.stage, f.error);
  return status.failed + status.missing > 0 ? 1 : 0;
}

}  // namespace tgvc
