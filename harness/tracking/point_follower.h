// Follows a set of points through consecutive frames in one direction with LK steps and the
// forward-backward check (the rules are in flow_tracker.h).
#pragma once

#include <vector>

#include "harness/tracking/lk_pyramids.h"
#include "harness/tracking/tracks.h"

namespace tgvc {

struct FollowRule {
  double threshold_px = 0.25;  // round-trip error allowed for a still point
  double motion_share = 0.05;  // plus this share of the step's length
  int guided_levels = 0;       // pyramid levels of the first try, from the constant-velocity guess
};

// Fills frames start+direction, start+2*direction, ... (to the clip's end or frame 0) of the tracks
// listed in `members`, whose entries at `start` (position and visibility) are already set.
// direction is +1 or -1. A member invisible at `start` stays invisible and still.
void follow_points(const LkPyramids& pyramids, int start, int direction, const FollowRule& rule,
                   const std::vector<int>& members, Tracks& tracks);

}  // namespace tgvc
