#include "harness/tracking/point_follower.h"

#include <algorithm>
#include <cmath>

namespace tgvc {
namespace {

// Harness coordinates put pixel centres at +0.5, OpenCV's at integers.
constexpr float kCentre = 0.5f;

bool inside(cv::Point2f p, cv::Size size) {
  // In OpenCV coordinates the frame spans [-0.5, width - 0.5).
  return p.x >= -kCentre && p.y >= -kCentre && p.x < size.width - kCentre && p.y < size.height - kCentre;
}

struct PointState {
  bool tracked = true;
  cv::Point2f position;        // at the current frame (extrapolated once the track has ended)
  cv::Point2f velocity{0, 0};  // the last accepted step, in the direction of travel
};

// One LK try for a batch of points from frame `from` to frame `to` on `levels` pyramid levels:
// `moved` holds the starting guesses on entry and the results on return; ok[k] says whether point
// k came back (LK from the result to `from`, started at the original point) within the rule's
// tolerance.
class StepChecker {
 public:
  StepChecker(const LkPyramids& pyramids, const FollowRule& rule) : pyramids_(pyramids), rule_(rule) {}

  void step(int from, int to, const std::vector<cv::Point2f>& start, std::vector<cv::Point2f>& moved,
            int levels, std::vector<uint8_t>& ok) {
    lk_move(pyramids_, from, to, start, moved, found_, levels);
    back_ = start;
    lk_move(pyramids_, to, from, moved, back_, found_back_, levels);
    ok.assign(start.size(), 0);
    for (size_t k = 0; k < start.size(); ++k) {
      const cv::Point2f step = moved[k] - start[k];
      const cv::Point2f round_trip = back_[k] - start[k];
      const double allowed = rule_.threshold_px + rule_.motion_share * std::hypot(step.x, step.y);
      ok[k] = found_[k] && found_back_[k] && std::hypot(round_trip.x, round_trip.y) <= allowed;
    }
  }

 private:
  const LkPyramids& pyramids_;
  FollowRule rule_;
  std::vector<cv::Point2f> back_;
  std::vector<uint8_t> found_, found_back_;
};

}  // namespace

void follow_points(const LkPyramids& pyramids, int start, int direction, const FollowRule& rule,
                   const std::vector<int>& members, Tracks& tracks) {
  const int frames = pyramids.frame_count();
  if (members.empty() || frames == 0) return;
  const cv::Size size = pyramids.at(0).front().size();
  const int full = pyramids.levels();
  const int guided_levels = std::min(rule.guided_levels, full);
  StepChecker checker(pyramids, rule);
  const size_t n = members.size();
  std::vector<PointState> points(n);
  for (size_t i = 0; i < n; ++i) {
    const Track& track = tracks[members[i]];
    points[i].position = {track.x[start] - kCentre, track.y[start] - kCentre};
    points[i].tracked = track.visible[start] != 0;
  }
  std::vector<size_t> batch, retry;
  std::vector<cv::Point2f> from, to;
  std::vector<uint8_t> ok;
  for (int t = start; t + direction >= 0 && t + direction < frames; t += direction) {
    const int next = t + direction;
    batch.clear();
    for (size_t i = 0; i < n; ++i) {
      if (points[i].tracked) {
        batch.push_back(i);
      } else {
        points[i].position += points[i].velocity;  // ended: an estimate at constant velocity
      }
    }
    // First a cheap try from the constant-velocity guess on the fine levels; what fails it gets the
    // full pyramid from the point's own position (the first step has no velocity to guess from).
    const bool guided = t != start && guided_levels < full;
    for (int pass = guided ? 0 : 1; pass < 2 && !batch.empty(); ++pass) {
      from.clear();
      to.clear();
      for (size_t i : batch) {
        from.push_back(points[i].position);
        to.push_back(points[i].position + (pass == 0 ? points[i].velocity : cv::Point2f(0, 0)));
      }
      checker.step(t, next, from, to, pass == 0 ? guided_levels : full, ok);
      retry.clear();
      for (size_t k = 0; k < batch.size(); ++k) {
        PointState& p = points[batch[k]];
        if (ok[k]) {
          p.velocity = to[k] - from[k];
          p.position = to[k];
          p.tracked = inside(p.position, size);
        } else if (pass == 0) {
          retry.push_back(batch[k]);
        } else {
          p.tracked = false;
          p.position += p.velocity;
        }
      }
      batch.swap(retry);
    }
    for (size_t i = 0; i < n; ++i) {
      Track& track = tracks[members[i]];
      track.x[next] = points[i].position.x + kCentre;
      track.y[next] = points[i].position.y + kCentre;
      track.visible[next] = points[i].tracked;
    }
  }
}

}  // namespace tgvc
