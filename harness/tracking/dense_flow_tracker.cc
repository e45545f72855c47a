#include "harness/tracking/dense_flow_tracker.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

#include "harness/core/error.h"
#include "harness/tracking/luma_image.h"

namespace tgvc {
namespace {

// Sundaram et al.'s forward-backward rule: |w + wb|^2 <= kRelative (|w|^2 + |wb|^2) + kAbsolute.
constexpr double kRelative = 0.01;
constexpr double kAbsolutePx2 = 0.5;

// Harness coordinates put pixel centres at +0.5, OpenCV's flow fields at integers.
constexpr float kCentre = 0.5f;

// The flow field at harness position (x, y), bilinear, edge samples repeated outside.
cv::Vec2f flow_at(const cv::Mat& flow, float x, float y) {
  const float fx = std::clamp(x - kCentre, 0.0f, static_cast<float>(flow.cols - 1));
  const float fy = std::clamp(y - kCentre, 0.0f, static_cast<float>(flow.rows - 1));
  const int x0 = std::min(static_cast<int>(fx), flow.cols - 1),
            y0 = std::min(static_cast<int>(fy), flow.rows - 1);
  const int x1 = std::min(x0 + 1, flow.cols - 1), y1 = std::min(y0 + 1, flow.rows - 1);
  const float ax = fx - x0, ay = fy - y0;
  const cv::Vec2f top = flow.at<cv::Vec2f>(y0, x0) * (1 - ax) + flow.at<cv::Vec2f>(y0, x1) * ax;
  const cv::Vec2f bottom = flow.at<cv::Vec2f>(y1, x0) * (1 - ax) + flow.at<cv::Vec2f>(y1, x1) * ax;
  return top * (1 - ay) + bottom * ay;
}

// The two flows of each frame pair in turn: forward maps frame t to t + 1, backward frame t + 1 to
// t. One DIS instance serves every pair, so its pyramids and buffers are allocated once per clip;
// each call gets an empty output, which DIS would otherwise read as its initial flow.
class PairFlows {
 public:
  explicit PairFlows(std::vector<cv::Mat> lumas)
      : lumas_(std::move(lumas)), dis_(cv::DISOpticalFlow::create(cv::DISOpticalFlow::PRESET_FAST)) {
    // Spatial propagation runs along stripes whose count is OpenCV's thread count: without it
    // every patch is independent and the flow the same for any thread count.
    dis_->setUseSpatialPropagation(false);
    // Patches down to half resolution (FAST stops at a quarter) halve the error on the synthetic
    // ground truth; a stride of 6 px instead of 4 takes back a third of the cost at the same
    // accuracy (docs/tracking.md, section 6).
    dis_->setFinestScale(1);
    dis_->setPatchStride(6);
    // DIS refuses images under 12 px on both sides: tiny frames get their edges repeated to
    // kMinSide, and the flows are cut back to the frame.
    for (cv::Mat& luma : lumas_) {
      if (luma.cols >= kMinSide && luma.rows >= kMinSide) continue;
      size_ = luma.size();
      cv::copyMakeBorder(luma, luma, 0, std::max(0, kMinSide - luma.rows), 0,
                         std::max(0, kMinSide - luma.cols), cv::BORDER_REPLICATE);
    }
  }

  // Computes both flows between frames `pair` and `pair` + 1 into `forward` and `backward`.
  void compute(int pair, cv::Mat& forward, cv::Mat& backward) {
    forward.release();
    backward.release();
    dis_->calc(lumas_[pair], lumas_[pair + 1], forward);
    dis_->calc(lumas_[pair + 1], lumas_[pair], backward);
    if (!size_.empty()) {
      forward = forward(cv::Rect(cv::Point(0, 0), size_)).clone();
      backward = backward(cv::Rect(cv::Point(0, 0), size_)).clone();
    }
  }

 private:
  static constexpr int kMinSide = 16;
  std::vector<cv::Mat> lumas_;
  cv::Ptr<cv::DISOpticalFlow> dis_;
  cv::Size size_;  // the frame size when the lumas are padded; empty otherwise
};

// One step of a followed point along `step` (from its frame to the neighbour), checked against
// `back` (the reverse flow): the point moves, or is lost and stays where it was.
void advance(const cv::Mat& step, const cv::Mat& back, int width, int height, float& x, float& y,
             bool& tracked) {
  if (!tracked) return;
  const cv::Vec2f w = flow_at(step, x, y);
  const float nx = x + w[0], ny = y + w[1];
  tracked = inside_frame(nx, ny, width, height);
  if (tracked) {
    const cv::Vec2f wb = flow_at(back, nx, ny);
    const double ex = w[0] + wb[0], ey = w[1] + wb[1];
    const double allowed =
        kRelative * (w[0] * w[0] + w[1] * w[1] + wb[0] * wb[0] + wb[1] * wb[1]) + kAbsolutePx2;
    tracked = ex * ex + ey * ey <= allowed;
  }
  if (tracked) {
    x = nx;
    y = ny;
  }
}

// A point on its way through the clip in one direction.
struct Walker {
  size_t track;
  float x, y;
  bool tracked;
};

}  // namespace

Tracks DenseFlowTracker::track(const Video& clip, const std::vector<TrackQuery>& queries) const {
  const int frames = clip.frame_count();
  for (size_t i = 0; i < queries.size(); ++i) check_track_query(queries[i], i, frames);
  if (queries.empty()) return {};
  PairFlows flows(clip_lumas(clip));
  const int width = clip.frames[0].width();
  const int height = clip.frames[0].height();
  Tracks tracks(queries.size());
  int last_query_frame = 0;
  for (size_t i = 0; i < queries.size(); ++i) {
    const TrackQuery& q = queries[i];
    tracks[i] = track_at_query(q, frames, width, height);
    last_query_frame = std::max(last_query_frame, q.frame);
  }
  // The pairs in order, each computed once: every point walks forward from its query frame as its
  // pair comes. A pair is kept only while a later query still has to walk back through it, so a
  // clip whose queries all sit on frame 0 holds one pair at a time. A pair that no point needs is
  // not computed. Each point takes the same steps as when followed alone.
  std::vector<cv::Mat> kept_forward(last_query_frame), kept_backward(last_query_frame);
  std::vector<Walker> forward;
  size_t started = 0;
  std::vector<size_t> order(queries.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return queries[a].frame < queries[b].frame; });
  cv::Mat step, back;
  for (int pair = 0; pair + 1 < frames; ++pair) {
    for (; started < order.size() && queries[order[started]].frame == pair; ++started) {
      const size_t i = order[started];
      forward.push_back({i, queries[i].x, queries[i].y, tracks[i].visible[pair] != 0});
    }
    const bool walking =
        std::any_of(forward.begin(), forward.end(), [](const Walker& w) { return w.tracked; });
    const bool kept = pair < last_query_frame;
    if (!walking && !kept) continue;
    flows.compute(pair, step, back);
    if (kept) {
      kept_forward[pair] = step;
      kept_backward[pair] = back;
    }
    for (Walker& w : forward) {
      advance(step, back, width, height, w.x, w.y, w.tracked);
      Track& track = tracks[w.track];
      track.x[pair + 1] = w.x;
      track.y[pair + 1] = w.y;
      track.visible[pair + 1] = w.tracked ? 1 : 0;
    }
  }
  // Back towards frame 0 through the kept pairs.
  for (size_t i = 0; i < queries.size(); ++i) {
    Track& track = tracks[i];
    float x = queries[i].x, y = queries[i].y;
    bool tracked = track.visible[queries[i].frame] != 0;
    for (int t = queries[i].frame; t > 0; --t) {
      advance(kept_backward[t - 1], kept_forward[t - 1], width, height, x, y, tracked);
      track.x[t - 1] = x;
      track.y[t - 1] = y;
      track.visible[t - 1] = tracked ? 1 : 0;
    }
  }
  return tracks;
}

}  // namespace tgvc
