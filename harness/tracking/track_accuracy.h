// End-point error of predicted tracks against reference tracks (DESIGN 6, trajectory error):
// the tracker's accuracy on synthetic ground truth, and the kernel of the trajectory-error metric.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "harness/tracking/tracks.h"

namespace tgvc {

struct TrackErrorOptions {
  // Count each track's query frame (frame 0 of a forward track). The reference vectors do.
  bool include_query_frame = true;
  // Count a (track, frame) only where the prediction is visible too (tracker accuracy); false
  // counts every frame where the reference is visible (the metric).
  bool require_predicted_visible = false;
};

// Pixel thresholds of TrackErrorStats::within.
inline constexpr std::array<double, 5> kTrackErrorThresholds{1, 2, 4, 8, 16};

struct TrackErrorStats {
  int64_t points = 0;              // counted (track, frame) pairs over all track sets
  double micro_mean = 0;           // mean Euclidean distance over every counted pair
  double macro_mean = 0;           // mean per track set (video), then over the sets that count any pair
  double median = 0;               // of all counted distances (mean of the middle two for an even count)
  std::array<double, 5> within{};  // share of counted pairs with distance <= kTrackErrorThresholds[i]
};

// One video's tracks: predicted and reference, query for query and frame for frame.
struct TrackSetPair {
  const Tracks* predicted = nullptr;
  const Tracks* reference = nullptr;
};

// The distance of every counted (track, frame) of one set, tracks in order, frames in order.
// Throws InputError (where = `where`) when the two differ in track count, a track's frame count or
// query frame.
std::vector<double> track_distances(const Tracks& predicted, const Tracks& reference,
                                    const TrackErrorOptions& options, const std::string& where);

// The statistics of per-set distances (one vector per video; an empty one counts in no mean). With
// no distance at all every statistic is 0 and points is 0: callers report n/a then.
TrackErrorStats summarize_track_errors(const std::vector<std::vector<double>>& per_set);

// track_distances for every set ("track error set <i>"; a null pointer is an InputError too),
// then summarize_track_errors. Throws InputError ("track error set <i> ...") when a pair differs in
// track count, a track's frame count or its query frame, or a pointer is null. With no counted
// pair every statistic is 0 and points is 0: callers report n/a then.
TrackErrorStats track_error(const std::vector<TrackSetPair>& sets, const TrackErrorOptions& options = {});

}  // namespace tgvc
