// The "no guidance" generator: frames between two decoded keyframes as a temporal blend of the
// two. The reference that trajectory-guided generators are compared against.
#pragma once

#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

// A video of frame_count frames: keyframes where `keyframe_indices` says, each frame t between
// keyframes a < t < b the per-sample blend round(((b - t) * A + (t - a) * B) / (b - a)).
// `keyframes` holds the decoded keyframes in order; `info` is copied.
Video blend_between_keyframes(const Video& keyframes, const std::vector<int>& keyframe_indices,
                              int frame_count);

}  // namespace tgvc
