// The trajectory-error metric's scoring: decoded-side tracks against source-side tracks, TAP-Vid
// style (docs/metrics.md, "Trajectory error").
//
// A (track, frame) pair is scored where the source-side track is visible, its query frame aside
// (unless counted). Of those, a pair is followed where the decoded-side track is visible too; its
// distance is the Euclidean distance of the two positions. A pair the decoded side has lost counts
// as outside every threshold and has no distance. So:
//   within[i]   = followed pairs with distance <= kTrackErrorThresholds[i], over scored pairs;
//   delta_avg   = the mean of within[] over the five thresholds (TAP-Vid's average position
//                 accuracy < delta^x_avg, with its thresholds 1, 2, 4, 8, 16 px);
//   mean_error  = mean distance over followed pairs (end-point error, micro average);
//   macro_error = per track the mean over its followed pairs, then the mean over those tracks;
//   median_error over followed pairs; followed_share = followed / scored.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "harness/tracking/track_accuracy.h"
#include "harness/tracking/tracks.h"

namespace tgvc {

struct TrajectorySummary {
  int64_t scored = 0;
  int64_t followed = 0;
  double delta_avg = 0;            // 0 when nothing is scored
  std::array<double, 5> within{};  // shares of scored pairs
  double mean_error = 0;           // these three are NaN when nothing is followed
  double macro_error = 0;
  double median_error = 0;
  double followed_share = 0;            // 0 when nothing is scored
  std::vector<double> frame_delta_avg;  // per clip frame; NaN where nothing is scored
  std::vector<double> frame_error;      // per clip frame; NaN where nothing is followed
};

// Collects scored pairs segment by segment over a clip of `frames` frames.
class TrajectoryTally {
 public:
  explicit TrajectoryTally(int frames);

  // One segment's tracks, reference[i] and predicted[i] following the same query; track frame k is
  // clip frame first + k. Pairs on a track's query frame count only with include_query_frame.
  // Throws InputError ("trajectory tracks") when the two differ in track count or a track's length,
  // or the segment runs past the clip.
  void add(const Tracks& reference, const Tracks& predicted, int first, bool include_query_frame);

  TrajectorySummary summary() const;

 private:
  struct FrameTally {
    int64_t scored = 0;
    int64_t followed = 0;
    std::array<int64_t, 5> within{};
    double distance_sum = 0;
  };
  std::vector<FrameTally> frames_;
  std::vector<double> distances_;    // every followed pair's distance
  std::vector<double> track_means_;  // per track with a followed pair
};

}  // namespace tgvc
