#include "harness/metrics/trajectory_source.h"

#include <fmt/format.h>

#include <utility>

#include "harness/tracking/dense_flow_tracker.h"
#include "harness/tracking/scene_cuts.h"

namespace tgvc {
namespace {

// Queries: a grid x grid lattice of pixel centres on a segment's first frame.
std::vector<TrackQuery> first_frame_queries(const Video& video, int grid) {
  std::vector<TrackQuery> all = grid_queries(video.info.width, video.info.height, 1, grid);
  all.resize(static_cast<size_t>(grid) * grid);
  return all;
}

// The generator's ground truth for queries on clip frame `first`, through frames [first, end).
Tracks truth_tracks(const MotionTruth& truth, const std::vector<TrackQuery>& queries, int first, int end) {
  Tracks tracks;
  for (const TrackQuery& q : queries) {
    Track t;
    for (int f = first; f < end; ++f) {
      double x = q.x, y = q.y;
      const bool visible = truth.track(q.x, q.y, first, f, &x, &y);
      t.x.push_back(static_cast<float>(x));
      t.y.push_back(static_cast<float>(y));
      t.visible.push_back(visible ? 1 : 0);
    }
    tracks.push_back(std::move(t));
  }
  return tracks;
}

}  // namespace

std::string TrajectorySourceOptions::key() const {
  const DenseFlowTracker tracker;
  return fmt::format("grid {}; cut-threshold {:.17g}; reference {}", grid, cut_threshold,
                     truth ? "synthetic ground truth" : tracker.id() + " " + tracker.version());
}

Video segment_of(const Video& video, int first, int end) {
  Video part;
  part.info = video.info;
  part.frames.assign(video.frames.begin() + first, video.frames.begin() + end);
  return part;
}

TrajectorySource prepare_trajectory_source(const Video& source, const TrajectorySourceOptions& options) {
  TrajectorySource s;
  s.key = options.key();
  s.frames = source.frame_count();
  s.width = source.info.width;
  s.height = source.info.height;
  s.from_truth = options.truth != nullptr;
  s.scene_starts = {0};
  for (int cut : scene_cuts(source, options.cut_threshold)) s.scene_starts.push_back(cut);
  // Each scene is tracked on its own, from a fresh lattice on its first frame.
  s.queries = first_frame_queries(source, options.grid);
  const DenseFlowTracker tracker;
  for (size_t i = 0; i < s.scene_starts.size(); ++i) {
    const int first = s.scene_starts[i], end = s.scene_end(i);
    if (options.truth) {
      s.reference.push_back(truth_tracks(*options.truth, s.queries, first, end));
    } else if (first == 0 && end == s.frames) {
      s.reference.push_back(tracker.track(source, s.queries));  // one scene: no copy
    } else {
      s.reference.push_back(tracker.track(segment_of(source, first, end), s.queries));
    }
  }
  return s;
}

}  // namespace tgvc
