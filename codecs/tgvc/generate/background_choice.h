// Which parts of a keyframe's background follow the camera, and where the two keyframes agree. Objects that
// the encoder sent no trajectory for stay where the frame puts them rather than where the camera takes the
// background; moving them with the camera would misplace them. So each keyframe pixel gets a
// share in [0, 1]: 1 where it matches the other keyframe at its camera-moved position clearly
// better than at the same position, 0 where the reverse holds, in between when undecided.
#pragma once

#include "codecs/tgvc/generate/camera_motion.h"
#include "codecs/tgvc/generate/plane_sampling.h"
#include "harness/core/frame.h"

namespace tgvc {

struct BackgroundChoiceOptions {
  int window = 3;    // half size of the box that averages the colour differences
  double scale = 3;  // 8-bit colour units of difference that move the share from 0.5 to 0 or 1
  // Agreement: 1 up to agree_below, 0 from agree_above (8-bit colour units of difference, 7x7
  // box mean; the keyframes' coding noise at ULB rates is several units).
  double agree_below = 6;
  double agree_above = 20;
};

// A luma-size map of `key`'s camera share; an empty image when the camera motion is the identity
// (then both readings agree). Positions whose camera-moved place is outside `other` get 1.
FloatImage camera_share(const Frame& key, const Frame& other, const CameraMotion& key_to_other,
                        const BackgroundChoiceOptions& options = {});

// How well `key` agrees with `other` at its camera-moved position, in [0, 1] per luma pixel:
// where the two keyframes show the same background up to coding noise, the in-between frames
// can show their average, the same in every frame, instead of a cross-fade between two noisy
// versions (which a tracker reads as drifting texture). 0 where the whole averaging window moved
// outside `other`.
FloatImage keyframe_agreement(const Frame& key, const Frame& other, const CameraMotion& key_to_other,
                              const BackgroundChoiceOptions& options = {});

}  // namespace tgvc
