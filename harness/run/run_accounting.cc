#include "harness/run/run_accounting.h"

#include <algorithm>

namespace tgvc {

TimeAccount account_time(const RunTimes& t) {
  TimeAccount a;
  // Clock readings of nested intervals can disagree in the last microseconds: never below zero.
  a.harness_s = std::max(0.0, t.serial_s + t.cells_s - t.load_s - t.codec_s - t.metrics_s);
  a.work_s = t.serial_s + t.cells_s;
  a.share = a.work_s > 0 ? a.harness_s / a.work_s : 0;
  a.idle_s = std::max(0.0, t.jobs * t.pool_wall_s - t.cells_s);
  return a;
}

}  // namespace tgvc
