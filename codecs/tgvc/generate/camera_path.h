// A sent camera path (docs/tgvc.md, "Camera-aware background"): where the camera between two
// keyframes is not on the straight line from A to B (a handheld swing), the encoder estimates the
// camera A -> source frame at a few in-between frames and sends, quantised, how far it is from the
// straight line; the decoder adds that back to the straight line of the camera it estimates from
// the decoded keyframes, exactly as the encoder did.
#pragma once

#include <vector>

#include "codecs/tgvc/bitstream/trajectory_set.h"
#include "codecs/tgvc/generate/camera_motion.h"

namespace tgvc {

// `straight` (A -> B, from the decoded keyframes) following the knots of a clip with frames
// 0..last of width x height: a path point at t = frame / last, the straight line's camera there
// plus each knot's affine correction (the one that moves the corners (0, 0), (width, 0) and
// (0, height) by the knot's displacements).
CameraMotion follow_camera_path(const CameraMotion& straight, const std::vector<CameraPathKnot>& knots,
                                int last, int width, int height);

// The knot at clip frame `frame` that moves `straight`'s camera at t = frame / last to
// `a_to_frame` (the camera A -> that frame), rounded to 1/8 pixel at the three corners and
// clamped to the format's range.
CameraPathKnot camera_path_knot(const CameraMotion& straight, const CameraMotion& a_to_frame, int frame,
                                int last, int width, int height);

// Where the encoder places `count` knots in a clip with frames 0..last: evenly spaced in-between
// frames, round(k * last / (count + 1)) for k = 1..count, distinct. Fewer when last - 1 < count.
std::vector<int> camera_path_frames(int last, int count);

}  // namespace tgvc
