// T-GVC's built-in CPU tracker (docs/tracking.md): pyramidal Lucas-Kanade on 8-bit luma, chained
// frame to frame, with a forward-backward consistency check that ends a track where it fails
// (occlusion, a point leaving the frame, a patch that changes too much). No model weights.
//
// Each query is followed from its query frame to the clip's last frame and, separately, back to
// frame 0, one frame at a time: the point moves to where LK puts its window in the next frame, and
// is accepted when tracking it back lands within fb_threshold_px + fb_motion_share * step length
// of where it came from and it is still inside the frame. Each step first tries LK from the
// constant-velocity guess on guided_levels levels; only a point that fails that is searched on the
// full pyramid. A point that fails the full check, or leaves the frame, ends in that direction:
// from there it is invisible and its position continues with the last accepted step (constant
// velocity; none if it failed its first step), an estimate only. Tracks do not reappear. Queries on
// the last frame (the second lattice of grid_queries) are thus tracked on the reversed clip, and
// every track is stored in clip frame order.
//
// Input: any clip whose frames all have the same size (YUV or RGB, 8..16 bits). Each query's frame
// must be in [0, frame_count) and its coordinates finite (InputError otherwise). A query outside
// the frame ([0, width) x [0, height)) is kept where it is and is invisible in every frame. No
// queries give an empty result, also for an empty clip. Deterministic: every point is computed
// independently, so the output does not depend on OpenCV's thread count; track() keeps no state
// and may run concurrently.
#pragma once

#include <string>
#include <vector>

#include "harness/tracking/flow_tracker_params.h"
#include "harness/tracking/tracks.h"

namespace tgvc {

class FlowTracker : public Tracker {
 public:
  // Throws InputError (check_flow_tracker_params) for a setting out of its range.
  explicit FlowTracker(FlowTrackerParams params = {});

  std::string id() const override { return "flow"; }
  std::string version() const override { return "1"; }
  Tracks track(const Video& clip, const std::vector<TrackQuery>& queries) const override;

  const FlowTrackerParams& params() const { return params_; }

 private:
  FlowTrackerParams params_;
};

}  // namespace tgvc
