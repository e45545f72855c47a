// Hard scene cuts of a clip, found on its luma histograms, so that point tracks (the
// trajectory-error metric's queries) restart after a cut instead of being followed across it.
//
// Rule: each frame's 8-bit luma (luma_image) goes into 64 equal bins (4 levels each), normalised
// to sum 1. The distance between frames t-1 and t is the total variation 0.5 * sum_i |h_t[i] -
// h_{t-1}[i]|, in [0, 1]: 0 for the same histogram, 1 for disjoint ones. A cut lies before frame t
// when that distance exceeds the threshold. On real footage the distances of consecutive frames
// stay below 0.1 (vtest.avi: 0.016 at most over 795 frames; tree.avi: 0.089), and the cuts of
// Megamind.avi give 0.21 to 0.91, hence the default 0.15. Gradual transitions (fades, dissolves)
// are not cuts under this rule.
#pragma once

#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

// The default threshold of scene_cuts.
inline constexpr double kSceneCutThreshold = 0.15;

// distances[t] for t >= 1 is the histogram distance between frames t-1 and t; distances[0] is 0.
// One entry per frame (none for an empty clip). Throws InputError for frames of different sizes or
// planes that do not match their frame size ("scene cut frame <t>").
std::vector<double> scene_cut_distances(const Video& clip);

// The frames that start a new scene (distance > threshold), ascending; never frame 0. A threshold
// of 1 or more finds none.
std::vector<int> scene_cuts(const Video& clip, double threshold = kSceneCutThreshold);

}  // namespace tgvc
