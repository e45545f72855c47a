// Where a motion instance is in a keyframe: its support mask. The bitstream carries only a few
// points per instance, so the decoder finds the object's pixels by photo-consistency between the
// two keyframes: near the instance's points, a pixel belongs to the instance when its colour
// matches the other keyframe at the instance-moved position clearly better than at the position
// the background (camera) motion gives it or at the same position (objects sent without
// trajectories stay put), and it is left out where a still reading is clearly better. Undecided
// pixels (flat areas, an object over its own old place) belong to the instance when close to its
// points. The mask is
// closed, opened, restricted to the connected parts that hold a point, and feathered.
#pragma once

#include <vector>

#include "codecs/tgvc/generate/camera_motion.h"
#include "codecs/tgvc/generate/plane_sampling.h"
#include "codecs/tgvc/generate/similarity_fit.h"
#include "codecs/tgvc/generate/support_mask.h"
#include "harness/core/frame.h"

namespace tgvc {

struct SupportOptions {
  double radius_fraction = 0.075;  // search radius around the points, share of min(width, height)
  double near_fraction = 0.5;      // undecided pixels closer than this share of the radius: inside
  double decisive = 3;             // 8-bit colour units by which one match must beat the other
  int window = 3;                  // half size of the box that averages the colour differences
  int feather = 2;                 // half size of the box blur of the final mask
};

// The support in `key` (a luma-size mask in [0, 1], 0 outside its box) of the instance with
// `points` (positions in `key`, continuous coordinates), which moves by `key_to_other` to the other
// keyframe while the background moves by `camera` (key -> other). No points: an all-zero mask.
SupportMask instance_support(const Frame& key, const Frame& other, const CameraMotion& camera,
                             const SimilarityMotion& key_to_other,
                             const std::vector<std::pair<double, double>>& points,
                             const SupportOptions& options = {});

}  // namespace tgvc
