// The source side of the trajectory-error metric: scene cuts, the query lattice and the reference
// tracks of every scene, all from the source video alone. A run prepares it once per sequence and
// shares it between the sequence's cells (Metric::prepare); `measure` and tests make it per call.
#pragma once

#include <string>
#include <vector>

#include "harness/metrics/metric.h"
#include "harness/tracking/tracks.h"

namespace tgvc {

// What shapes the source side (and nothing else: include-first-frame only affects the scoring).
struct TrajectorySourceOptions {
  int grid = 16;             // queries: a grid x grid lattice on each scene's first frame
  double cut_threshold = 0;  // scene_cuts' threshold
  // The reference tracks: the generator's ground truth when set, else the dense-flow tracker.
  const MotionTruth* truth = nullptr;

  // Equal for options that make equal states; names the tracker and its version.
  std::string key() const;
};

struct TrajectorySource final : PreparedSource {
  std::string key;  // the TrajectorySourceOptions::key() it was made with
  int frames = 0, width = 0, height = 0;
  std::vector<int> scene_starts;    // 0, then each scene cut, ascending
  std::vector<TrackQuery> queries;  // on frame 0 of every scene
  std::vector<Tracks> reference;    // per scene, one track per query over the scene's frames
  bool from_truth = false;

  // The frame after the last of scene `s`.
  int scene_end(size_t s) const { return s + 1 < scene_starts.size() ? scene_starts[s + 1] : frames; }
};

// Throws InputError on a source the tracker refuses (see DenseFlowTracker).
TrajectorySource prepare_trajectory_source(const Video& source, const TrajectorySourceOptions& options);

// Frames [first, end) of `video` as a video of their own.
Video segment_of(const Video& video, int first, int end);

}  // namespace tgvc
