#include "harness/metrics/trajectory_scores.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "harness/core/error.h"
#include "harness/core/median.h"

namespace tgvc {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

}  // namespace

TrajectoryTally::TrajectoryTally(int frames) : frames_(static_cast<size_t>(std::max(frames, 0))) {}

void TrajectoryTally::add(const Tracks& reference, const Tracks& predicted, int first,
                          bool include_query_frame) {
  if (predicted.size() != reference.size()) {
    throw InputError("trajectory tracks", std::to_string(reference.size()) + " predicted tracks",
                     std::to_string(predicted.size()));
  }
  for (size_t i = 0; i < reference.size(); ++i) {
    const Track& r = reference[i];
    const Track& p = predicted[i];
    const size_t length = r.x.size();
    if (r.y.size() != length || r.visible.size() != length || p.x.size() != length || p.y.size() != length ||
        p.visible.size() != length) {
      throw InputError("trajectory tracks", "track " + std::to_string(i) + " of equal lengths on both sides");
    }
    if (first < 0 || first + length > frames_.size()) {
      throw InputError("trajectory tracks",
                       "a segment inside the clip's " + std::to_string(frames_.size()) + " frames",
                       "frames " + std::to_string(first) + ".." + std::to_string(first + length));
    }
    double track_sum = 0;
    int track_followed = 0;
    for (size_t k = 0; k < length; ++k) {
      if (!r.visible[k]) continue;
      if (!include_query_frame && static_cast<int>(k) == r.query_frame) continue;
      FrameTally& frame = frames_[first + k];
      ++frame.scored;
      if (!p.visible[k]) continue;  // lost on the decoded side: a miss at every threshold
      const double d = std::hypot(static_cast<double>(p.x[k]) - r.x[k], static_cast<double>(p.y[k]) - r.y[k]);
      ++frame.followed;
      frame.distance_sum += d;
      for (size_t t = 0; t < kTrackErrorThresholds.size(); ++t)
        frame.within[t] += d <= kTrackErrorThresholds[t];
      distances_.push_back(d);
      track_sum += d;
      ++track_followed;
    }
    if (track_followed > 0) track_means_.push_back(track_sum / track_followed);
  }
}

TrajectorySummary TrajectoryTally::summary() const {
  TrajectorySummary s;
  std::array<int64_t, 5> within{};
  double distance_sum = 0;
  for (const FrameTally& f : frames_) {
    s.scored += f.scored;
    s.followed += f.followed;
    distance_sum += f.distance_sum;
    double frame_delta = 0;
    for (size_t t = 0; t < within.size(); ++t) {
      within[t] += f.within[t];
      frame_delta += static_cast<double>(f.within[t]) / within.size();
    }
    s.frame_delta_avg.push_back(f.scored > 0 ? frame_delta / f.scored : kNan);
    s.frame_error.push_back(f.followed > 0 ? f.distance_sum / f.followed : kNan);
  }
  if (s.scored > 0) {
    for (size_t t = 0; t < within.size(); ++t) {
      s.within[t] = static_cast<double>(within[t]) / s.scored;
      s.delta_avg += s.within[t] / within.size();
    }
    s.followed_share = static_cast<double>(s.followed) / s.scored;
  }
  s.mean_error = s.followed > 0 ? distance_sum / s.followed : kNan;
  s.median_error = distances_.empty() ? kNan : median_of(distances_);
  double macro = 0;
  for (double m : track_means_) macro += m;
  s.macro_error = track_means_.empty() ? kNan : macro / track_means_.size();
  return s;
}

}  // namespace tgvc
