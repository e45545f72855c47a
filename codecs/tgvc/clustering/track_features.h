// The 14 motion features of a track that T-GVC clusters into motion instances (DESIGN 4.4).
//
// Frames: the paper's code computes every feature over all frames of the clip, visible or not
// (CoTracker reports a position for occluded points too); that is FeatureFrames::kAllFrames, the
// default. FeatureFrames::kVisibleOnly uses only the frames where the track is visible: steps join
// consecutive visible frames and are divided by the frame gap (velocities stay per frame), and the
// mean velocity is (last - first visible position) / (frame distance). A track with one usable
// frame gets that position for start, middle and end and 0 for the 8 motion features; a track never
// visible (kVisibleOnly) uses its query-frame position the same way. docs/clustering.md has details.
#pragma once

#include <array>
#include <string>

#include "codecs/tgvc/clustering/feature_matrix.h"
#include "harness/tracking/tracks.h"

namespace tgvc {

enum class FeatureFrames { kAllFrames, kVisibleOnly };

inline constexpr int kTrackFeatureCount = 14;

// Column order of the feature matrix. The paper's code orders start, end, middle; the order does not
// change any Euclidean distance, so clustering is the same.
enum TrackFeature : int {
  kFeatureStartX,
  kFeatureStartY,
  kFeatureMiddleX,  // position at frame used[count / 2] (all frames: frame L / 2, as the paper)
  kFeatureMiddleY,
  kFeatureEndX,
  kFeatureEndY,
  kFeatureNetDx,  // end - start
  kFeatureNetDy,
  kFeaturePathLength,     // sum of step lengths
  kFeatureMeanVelocityX,  // net displacement / frames between start and end
  kFeatureMeanVelocityY,
  kFeatureStepVarianceX,  // population variance of the per-frame steps
  kFeatureStepVarianceY,
  kFeatureMeanTurningAngle,  // mean angle (radians) between consecutive non-zero steps; 0 if none
};

// "start_x", "path_length", ... (for reports and tests).
const char* track_feature_name(int feature);

using TrackFeatureVector = std::array<double, kTrackFeatureCount>;

// The features of one track. Raises InputError(where, ...) when x, y and visible differ in length,
// the track is empty, query_frame is outside it, or a used coordinate is not finite.
TrackFeatureVector track_feature_vector(const Track& track, FeatureFrames frames = FeatureFrames::kAllFrames,
                                        const std::string& where = "track");

// One row per track (rows = tracks.size(), cols = kTrackFeatureCount), not yet z-scored.
// Errors name the track: "tracks[i]".
FeatureMatrix track_features(const Tracks& tracks, FeatureFrames frames = FeatureFrames::kAllFrames);

}  // namespace tgvc
