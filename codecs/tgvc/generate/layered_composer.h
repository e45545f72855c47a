// One in-between frame of a clip from its ClipModel, as layers (docs/tgvc.md, "Generators"):
// 1. the background: both keyframes moved by the camera motion (linear in time), and read at the
//    same place where they do not follow the camera (background_choice.h); where an instance
//    covers a keyframe, the other keyframe's background is used there (the object has left that
//    place in it), else the two are blended with the temporal weights, or averaged where a still
//    camera's keyframes agree;
// 2. each instance, back to front: both keyframes read through the instance's motion (frame j ->
//    A, frame j -> B), each weighted by its temporal weight times its (feathered) support there,
//    laid over the frame with the weighted support as opacity. A keyframe whose read position is
//    outside the frame does not vote (the object is outside it there).
#pragma once

#include <cstdint>
#include <vector>

#include "codecs/tgvc/generate/clip_model.h"
#include "harness/core/frame.h"

namespace tgvc {

// Clip frame j (0 <= j <= model.last) between keyframes a and b (same size and format as the
// model was built from; InputError otherwise). With `luma_only` only plane 0 is composed (the
// others are a's): the encoder's background choice measures luma alone.
// With `within` (a luma-size mask, row-major), only the pixels it marks (the chroma samples whose
// centre lies in a marked luma pixel) are composed; the others are 0.
Frame compose_clip_frame(const ClipModel& model, const Frame& a, const Frame& b, int j,
                         bool luma_only = false, const std::vector<uint8_t>* within = nullptr);

// The luma pixels of frame j where the model's layers and the background they hide can differ
// from the same model without layers (the camera-aware background alone): each layer's box in
// frame j, and its supports' boxes grown by the occupancy margin, moved along the camera to frame
// j (and unmoved where the camera share may read them in place).
// All 0 without layers.
std::vector<uint8_t> layers_mask(const ClipModel& model, int j);

}  // namespace tgvc
