// T-GVC's keyframe selection (DESIGN 4.1): scene cuts, then per window the frame least similar
// to the last keyframe, never more than `max_distance` frames after it; the first and last frames
// are always keyframes.
#pragma once

#include <vector>

#include "codecs/tgvc/keyframes/image_embedder.h"

namespace tgvc {

struct KeyframeParams {
  double cut_threshold = 0.5;  // consecutive-frame similarity below this is a scene cut
  int window = 24;             // frames per selection window (96 frames / 4 clips in the paper)
  int max_distance = 29;       // a clip spans at most max_distance + 1 = 30 frames
  // Keyframes closer than this are left to scene cuts: two keyframes a frame or two apart cost a
  // keyframe's bits for a clip with nothing to generate.
  int min_gap = 3;
};

// Sorted, unique keyframe indices for the given per-frame embeddings. With one frame the result
// is {0}; otherwise it starts with 0 and ends with the last frame.
//
// Walking the frames in order: a similarity below cut_threshold between frames t-1 and t makes
// both keyframes and restarts the search from t. Otherwise frame t is eligible when it lies
// min_gap to max_distance frames after the last keyframe and at least min_gap frames before the
// last frame; an eligible frame becomes the candidate when it is less similar to the last
// keyframe than the current candidate. At the end of each window the candidate, if any, is
// committed (without one the search goes on into the next window); a candidate is also committed
// when the next frame would exceed max_distance (the frame at max_distance itself if there is no
// candidate). The last frame is always a keyframe. So two keyframes are closer than min_gap only
// at a scene cut, or where max_distance forces one within min_gap of the last frame.
std::vector<int> select_keyframes(const std::vector<Embedding>& embeddings, const KeyframeParams& params);

}  // namespace tgvc
