#include "codecs/tgvc/tracking/dense_flow_tracker.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

#include "codecs/tgvc/tracking/luma_image.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

// Sundaram et al.'s forward-backward rule: |w + wb|^2 <= kRelative (|w|^2 + |wb|^2) + kAbsolute.
constexpr double kRelative = 0.01;
constexpr double kAbsolutePx2 = 0.5;

// Harness coordinates put pixel centres at +0.5, OpenCV's flow fields at integers.
constexpr float kCentre = 0.5f;

std::vector<cv::Mat> clip_lumas(const Video& clip) {
  std::vector<cv::Mat> lumas;
  for (int i = 0; i < clip.frame_count(); ++i) {
    const Frame& frame = clip.frames[i];
    const std::string where = "tracked clip frame " + std::to_string(i);
    if (frame.width() != clip.frames[0].width() || frame.height() != clip.frames[0].height()) {
      throw InputError(where,
                       "the size of frame 0 (" + std::to_string(clip.frames[0].width()) + "x" +
                           std::to_string(clip.frames[0].height()) + ")",
                       std::to_string(frame.width()) + "x" + std::to_string(frame.height()));
    }
    lumas.push_back(luma_image(frame, clip.info.colour.matrix, where));
  }
  return lumas;
}

void check_query(const TrackQuery& query, size_t index, int frame_count) {
  const std::string where = "tracker query " + std::to_string(index);
  if (query.frame < 0 || query.frame >= frame_count) {
    throw InputError(where + " frame", "a clip frame in [0, " + std::to_string(frame_count) + ")",
                     std::to_string(query.frame));
  }
  if (!std::isfinite(query.x) || !std::isfinite(query.y)) {
    throw InputError(where, "finite coordinates", std::to_string(query.x) + ", " + std::to_string(query.y));
  }
}

bool inside(float x, float y, int width, int height) {
  return x >= 0 && y >= 0 && x < width && y < height;
}

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

// Both flows of every frame pair, computed on first use: forward[t] maps frame t to t + 1,
// backward[t] frame t + 1 to t.
class PairFlows {
 public:
  explicit PairFlows(std::vector<cv::Mat> lumas)
      : lumas_(std::move(lumas)), forward_(lumas_.size()), backward_(lumas_.size()) {
    // DIS refuses images under 12 px on both sides: tiny frames get their edges repeated to
    // kMinSide, and the flows are cut back to the frame.
    for (cv::Mat& luma : lumas_) {
      if (luma.cols >= kMinSide && luma.rows >= kMinSide) continue;
      size_ = luma.size();
      cv::copyMakeBorder(luma, luma, 0, std::max(0, kMinSide - luma.rows), 0,
                         std::max(0, kMinSide - luma.cols), cv::BORDER_REPLICATE);
    }
  }

  // The flow from frame `from` to frame `to` (neighbours).
  const cv::Mat& flow(int from, int to) {
    const int pair = std::min(from, to);
    if (forward_[pair].empty()) {
      cv::Ptr<cv::DISOpticalFlow> dis = cv::DISOpticalFlow::create(cv::DISOpticalFlow::PRESET_FAST);
      // Spatial propagation runs along stripes whose count is OpenCV's thread count: without it
      // every patch is independent and the flow the same for any thread count.
      dis->setUseSpatialPropagation(false);
      // Patches down to half resolution (FAST stops at a quarter) halve the error on the synthetic
      // ground truth; a stride of 6 px instead of 4 takes back a third of the cost at the same
      // accuracy (docs/tracking.md, section 6).
      dis->setFinestScale(1);
      dis->setPatchStride(6);
      dis->calc(lumas_[pair], lumas_[pair + 1], forward_[pair]);
      dis->calc(lumas_[pair + 1], lumas_[pair], backward_[pair]);
      if (!size_.empty()) {
        forward_[pair] = forward_[pair](cv::Rect(cv::Point(0, 0), size_)).clone();
        backward_[pair] = backward_[pair](cv::Rect(cv::Point(0, 0), size_)).clone();
      }
    }
    return to > from ? forward_[pair] : backward_[pair];
  }

 private:
  static constexpr int kMinSide = 16;
  std::vector<cv::Mat> lumas_;
  cv::Size size_;  // the frame size when the lumas are padded; empty otherwise
  std::vector<cv::Mat> forward_, backward_;
};

// Fills frames start+direction, ... of `track`, whose entry at `start` is set.
void follow(PairFlows& flows, int frames, int start, int direction, int width, int height, Track& track) {
  float x = track.x[start], y = track.y[start];
  bool tracked = track.visible[start] != 0;
  for (int t = start; t + direction >= 0 && t + direction < frames; t += direction) {
    const int next = t + direction;
    if (tracked) {
      const cv::Vec2f w = flow_at(flows.flow(t, next), x, y);
      const float nx = x + w[0], ny = y + w[1];
      tracked = inside(nx, ny, width, height);
      if (tracked) {
        const cv::Vec2f back = flow_at(flows.flow(next, t), nx, ny);
        const double ex = w[0] + back[0], ey = w[1] + back[1];
        const double allowed =
            kRelative * (w[0] * w[0] + w[1] * w[1] + back[0] * back[0] + back[1] * back[1]) + kAbsolutePx2;
        tracked = ex * ex + ey * ey <= allowed;
      }
      if (tracked) {
        x = nx;
        y = ny;
      }
    }
    track.x[next] = x;
    track.y[next] = y;
    track.visible[next] = tracked ? 1 : 0;
  }
}

}  // namespace

Tracks DenseFlowTracker::track(const Video& clip, const std::vector<TrackQuery>& queries) const {
  const int frames = clip.frame_count();
  for (size_t i = 0; i < queries.size(); ++i) check_query(queries[i], i, frames);
  if (queries.empty()) return {};
  PairFlows flows(clip_lumas(clip));
  const int width = clip.frames[0].width();
  const int height = clip.frames[0].height();
  Tracks tracks(queries.size());
  for (size_t i = 0; i < queries.size(); ++i) {
    const TrackQuery& q = queries[i];
    Track& track = tracks[i];
    track.query_frame = q.frame;
    track.x.assign(frames, q.x);
    track.y.assign(frames, q.y);
    track.visible.assign(frames, 0);
    track.visible[q.frame] = inside(q.x, q.y, width, height) ? 1 : 0;
    follow(flows, frames, q.frame, +1, width, height, track);
    follow(flows, frames, q.frame, -1, width, height, track);
  }
  return tracks;
}

}  // namespace tgvc
