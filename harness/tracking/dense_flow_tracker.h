// The trajectory-error metric's point tracker: dense optical flow chained over frames, the way
// dense point trajectories are built (Sundaram, Brox and Keutzer, ECCV 2010). No model weights.
//
// Between every two consecutive frames OpenCV's DIS flow (Kroeger et al., ECCV 2016) is computed
// on 8-bit luma in both directions: preset FAST with its finest scale at half resolution and a
// patch stride of 6 px, without spatial propagation (whose result would depend on OpenCV's thread
// count). A point p steps by the forward flow w = F(p) read with bilinear interpolation; the step
// is accepted when the backward flow at the destination, wb = B(p + w), brings it back:
// |w + wb|^2 <= 0.01 (|w|^2 + |wb|^2) + 0.5 px^2 (Sundaram et al.'s consistency rule), and p + w
// is inside the frame ([0, width) x [0, height)). A point that fails is lost: from there it is
// invisible in that direction and its position stays at its last accepted one, never
// extrapolated. Tracks do not reappear.
//
// Each query is followed from its query frame to the clip's last frame and, separately, back to
// frame 0 (the same two flows per frame pair serve both directions). A query outside the frame is
// kept where it is and is invisible in every frame. Queries: frame in [0, frame_count), finite
// coordinates (InputError otherwise); frames of one size (InputError), any size (frames under
// 16 px are edge-padded for the flow, which DIS needs). No queries give an empty
// result. Deterministic, whatever OpenCV's thread count; track() keeps no state and may run
// concurrently. Cost: two DIS calls per frame pair, each pair computed once for all queries; memory
// holds one pair at a time plus the pairs before the last query frame (for the backward walks).
//
// Beside FlowTracker (T-GVC's Lucas-Kanade tracker, which the encoder keeps): on real footage the
// dense flow loses far fewer points, and a lost point does not drift on (docs/metrics.md).
#pragma once

#include <string>
#include <vector>

#include "harness/tracking/tracks.h"

namespace tgvc {

class DenseFlowTracker final : public Tracker {
 public:
  std::string id() const override { return "dense-flow"; }
  std::string version() const override { return "1"; }
  Tracks track(const Video& clip, const std::vector<TrackQuery>& queries) const override;
};

}  // namespace tgvc
