#include "harness/tracking/flow_tracker.h"

#include <cmath>
#include <map>
#include <string>

#include "harness/core/error.h"
#include "harness/tracking/lk_pyramids.h"
#include "harness/tracking/luma_image.h"
#include "harness/tracking/point_follower.h"

namespace tgvc {
FlowTracker::FlowTracker(FlowTrackerParams params) : params_(params) {
  check_flow_tracker_params(params_);
}

Tracks FlowTracker::track(const Video& clip, const std::vector<TrackQuery>& queries) const {
  const int frames = clip.frame_count();
  for (size_t i = 0; i < queries.size(); ++i) check_track_query(queries[i], i, frames);
  if (queries.empty()) return {};
  const std::vector<cv::Mat> lumas = clip_lumas(clip);
  const int width = lumas.front().cols;
  const int height = lumas.front().rows;

  // Every track starts as its query, held still and invisible; followers fill the other frames.
  Tracks tracks(queries.size());
  std::map<int, std::vector<int>> by_frame;
  for (size_t i = 0; i < queries.size(); ++i) {
    const TrackQuery& q = queries[i];
    tracks[i] = track_at_query(q, frames, width, height);
    by_frame[q.frame].push_back(static_cast<int>(i));
  }
  const LkSettings lk{params_.window, params_.pyramid_levels, params_.max_iterations, params_.epsilon,
                      params_.min_eigen};
  const LkPyramids pyramids(lumas, lk);
  const FollowRule rule{params_.fb_threshold_px, params_.fb_motion_share, params_.guided_levels};
  for (const auto& [frame, members] : by_frame) {
    follow_points(pyramids, frame, +1, rule, members, tracks);
    follow_points(pyramids, frame, -1, rule, members, tracks);
  }
  return tracks;
}

}  // namespace tgvc
