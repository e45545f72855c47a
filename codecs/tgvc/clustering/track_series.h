// The vectors T-GVC's k-means sees for a motion instance (DESIGN 4.6): per track, the (x, y, visible)
// series of the clip, visible as 0 or 1, invisible frames with the tracker's position as they are.
#pragma once

#include <vector>

#include "codecs/tgvc/clustering/feature_matrix.h"
#include "harness/tracking/tracks.h"

namespace tgvc {

// One row per member (in the given order): x0, y0, v0, x1, y1, v1, ... (3 * frames columns).
// Raises InputError("tracks[i]", ...) for a member index out of range, tracks of different lengths
// or inconsistent vectors, or a coordinate that is not finite.
FeatureMatrix track_series(const Tracks& tracks, const std::vector<int>& members);

}  // namespace tgvc
