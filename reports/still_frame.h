// Which frame of a cell the report shows: the frame whose value of the report's first main metric
// is nearest that metric's median over the cell's frames (lowest index on a tie). A fixed frame
// (the middle one) can sit next to a keyframe and flatter a codec whose quality swings; the median
// frame is a typical one. The runner saves this frame as the cell's still.
#pragma once

#include <string>
#include <vector>

#include "harness/results/metric_value.h"

namespace tgvc {

struct StillChoice {
  int frame = -1;      // -1: no metric had per-frame values (the runner then saves the middle frame)
  std::string metric;  // the value whose per-frame median chose `frame`
  double median = 0;   // that median (the mean of the middle two for an even count)
};

// The index whose value is nearest the median of the finite values (NaN and infinity are never
// chosen and do not count); the lowest such index on a tie. -1 when no value is finite.
int median_frame_index(const std::vector<double>& per_frame, double* median = nullptr);

// The metric the report would plot first among `values` with finite per-frame values:
// `requested` (the config's report.metrics) in its order when given, else main_metric_rank's order,
// then the rest in order; and its median frame.
StillChoice choose_still_frame(const std::vector<MetricValue>& values,
                               const std::vector<std::string>& headlines,
                               const std::vector<std::string>& requested);

// Where a run directory keeps the source frame shown beside a cell's still, relative to it:
// "sources/<dataset>__<sequence>__frame<index>.png" (names through file_safe).
std::string still_source_file(const std::string& dataset, const std::string& sequence, int frame);

}  // namespace tgvc
