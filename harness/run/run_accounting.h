// Where a run's time went, for the `time:` line of `tgvc-bench run`. The harness's own work is
// measured, not inferred: it is the serial steps before and after the cells (plan, cache keys,
// results files, sets, report) plus, per cell, the worker time outside source loading, codecs and
// metrics (stills, the cell's result file, cache reads and writes, progress). Workers that wait
// for the last cells are idle, not harness, so the share does not grow with the job count.
#pragma once

namespace tgvc {

// Seconds, measured by the runner; the cell sums are thread-seconds over all workers.
struct RunTimes {
  int jobs = 1;
  double wall_s = 0;       // the whole run
  double serial_s = 0;     // before and after the cells: one thread, nothing else running
  double pool_wall_s = 0;  // from the first worker's start to the last one's end
  double cells_s = 0;      // sum over cells of the worker time each took, result file included
  double load_s = 0;       // reading or rendering and resizing sources
  double codec_s = 0;      // encode + decode done in this run (a shared bitstream counts once)
  double metrics_s = 0;
};

struct TimeAccount {
  double harness_s = 0;  // serial_s + cells_s - load_s - codec_s - metrics_s
  double work_s = 0;     // serial_s + cells_s: every thread-second something ran
  double share = 0;      // harness_s / work_s (0 when nothing ran)
  double idle_s = 0;     // jobs * pool_wall_s - cells_s: workers with no cell left
};

TimeAccount account_time(const RunTimes& times);

}  // namespace tgvc
