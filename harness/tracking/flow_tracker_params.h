// FlowTracker's settings: the struct the code uses and its typed parameter table
// (harness/core/param_table.h) for config validation, `list --verbose` and docs.
#pragma once

#include <string>
#include <vector>

#include "harness/core/param_table.h"

namespace tgvc {

struct FlowTrackerParams {
  int window = 9;                 // LK window side in pixels (odd), the same at every pyramid level
  int pyramid_levels = 3;         // levels above full resolution; fewer for small frames
  int max_iterations = 20;        // LK iterations per level
  double epsilon = 0.01;          // px: LK stops when an update is smaller
  double min_eigen = 1e-4;        // OpenCV's minEigThreshold: flatter windows are lost
  double fb_threshold_px = 0.25;  // forward-backward error allowed for a still point
  double fb_motion_share = 0.05;  // plus this share of the step's length
  // Speed: each step first tries LK (and its way back) on `guided_levels` levels from the
  // constant-velocity guess; only the points that fail the check search the full pyramid.
  int guided_levels = 0;
};

// The table: keys "window", "pyramid-levels", "max-iterations", "epsilon", "min-eigen",
// "fb-threshold", "fb-motion-share", "guided-levels"; defaults from FlowTrackerParams{}.
const ParamTable<FlowTrackerParams>& flow_tracker_param_table();

// The table's keys with `prefix` in front.
std::vector<ParamSpec> flow_tracker_param_specs(const std::string& prefix = "");

// Settings from a set resolved against flow_tracker_param_specs(prefix).
FlowTrackerParams flow_tracker_params(const ParamSet& values, const std::string& prefix = "");

// Throws InputError (where = "flow tracker <key>") for a value outside the table's range or an
// even window.
void check_flow_tracker_params(const FlowTrackerParams& params);

}  // namespace tgvc
