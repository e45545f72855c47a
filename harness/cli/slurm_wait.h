// `run --executor slurm --wait`: follows a submitted run until its finalize job has written the
// results, printing done/failed/running/pending/missing counts and an ETA as they change.
#pragma once

#include <string>

namespace tgvc {

// Polls the queue (squeue) and the cell files every half second (retrying for ten seconds when
// squeue fails). Returns the run's exit code:
// 0 when every cell is done, 1 when one failed or is missing; throws Error when the finalize
// job ended without writing the results.
int wait_for_slurm_run(const std::string& run_dir, const std::string& finalize_job_id, bool quiet);

}  // namespace tgvc
