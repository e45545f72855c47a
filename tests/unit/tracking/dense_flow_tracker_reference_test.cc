// DenseFlowTracker against a plain restatement of its rule (tracks.h, dense_flow_tracker.h): every
// frame pair's flows from a fresh DIS instance, luma computed sample by sample, each query followed
// alone, forward and then back. The tracker computes each pair once for all points, reuses one DIS
// instance and converts luma through a table; its tracks must be the same, bit for bit, on real
// footage, 8- and 10-bit, with queries on the first, a middle and the last frame.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <opencv2/video/tracking.hpp>

#include "harness/io/resize.h"
#include "harness/io/video_reader.h"
#include "harness/tracking/dense_flow_tracker.h"

namespace tgvc {
namespace {

const char* const kVtest = "/usr/share/doc/opencv-doc/examples/data/vtest.avi";

cv::Mat reference_luma(const Frame& frame) {
  const double scale = 255.0 / frame.max_value();
  cv::Mat luma(frame.height(), frame.width(), CV_8UC1);
  for (int y = 0; y < frame.height(); ++y) {
    for (int x = 0; x < frame.width(); ++x) {
      luma.at<uint8_t>(y, x) =
          static_cast<uint8_t>(std::clamp(frame.planes[0].at(x, y) * scale + 0.5, 0.0, 255.0));
    }
  }
  return luma;
}

cv::Mat reference_flow(const cv::Mat& from, const cv::Mat& to) {
  cv::Ptr<cv::DISOpticalFlow> dis = cv::DISOpticalFlow::create(cv::DISOpticalFlow::PRESET_FAST);
  dis->setUseSpatialPropagation(false);
  dis->setFinestScale(1);
  dis->setPatchStride(6);
  cv::Mat flow;
  dis->calc(from, to, flow);
  return flow;
}

cv::Vec2f bilinear(const cv::Mat& flow, float x, float y) {
  const float fx = std::clamp(x - 0.5f, 0.0f, static_cast<float>(flow.cols - 1));
  const float fy = std::clamp(y - 0.5f, 0.0f, static_cast<float>(flow.rows - 1));
  const int x0 = std::min(static_cast<int>(fx), flow.cols - 1),
            y0 = std::min(static_cast<int>(fy), flow.rows - 1);
  const int x1 = std::min(x0 + 1, flow.cols - 1), y1 = std::min(y0 + 1, flow.rows - 1);
  const float ax = fx - x0, ay = fy - y0;
  const cv::Vec2f top = flow.at<cv::Vec2f>(y0, x0) * (1 - ax) + flow.at<cv::Vec2f>(y0, x1) * ax;
  const cv::Vec2f bottom = flow.at<cv::Vec2f>(y1, x0) * (1 - ax) + flow.at<cv::Vec2f>(y1, x1) * ax;
  return top * (1 - ay) + bottom * ay;
}

Tracks reference_tracks(const Video& clip, const std::vector<TrackQuery>& queries) {
  const int frames = clip.frame_count(), width = clip.info.width, height = clip.info.height;
  std::vector<cv::Mat> luma, forward, backward;
  for (const Frame& f : clip.frames) luma.push_back(reference_luma(f));
  for (int t = 0; t + 1 < frames; ++t) {
    forward.push_back(reference_flow(luma[t], luma[t + 1]));
    backward.push_back(reference_flow(luma[t + 1], luma[t]));
  }
  const auto inside = [&](float x, float y) { return x >= 0 && y >= 0 && x < width && y < height; };
  Tracks tracks;
  for (const TrackQuery& q : queries) {
    Track track;
    track.query_frame = q.frame;
    track.x.assign(frames, q.x);
    track.y.assign(frames, q.y);
    track.visible.assign(frames, 0);
    track.visible[q.frame] = inside(q.x, q.y);
    for (int direction : {1, -1}) {
      float x = q.x, y = q.y;
      bool tracked = track.visible[q.frame];
      for (int t = q.frame; t + direction >= 0 && t + direction < frames; t += direction) {
        const int pair = std::min(t, t + direction);
        const cv::Mat& step = direction > 0 ? forward[pair] : backward[pair];
        const cv::Mat& back = direction > 0 ? backward[pair] : forward[pair];
        if (tracked) {
          const cv::Vec2f w = bilinear(step, x, y);
          const float nx = x + w[0], ny = y + w[1];
          tracked = inside(nx, ny);
          if (tracked) {
            const cv::Vec2f b = bilinear(back, nx, ny);
            const double ex = w[0] + b[0], ey = w[1] + b[1];
            tracked =
                ex * ex + ey * ey <= 0.01 * (w[0] * w[0] + w[1] * w[1] + b[0] * b[0] + b[1] * b[1]) + 0.5;
          }
          if (tracked) {
            x = nx;
            y = ny;
          }
        }
        track.x[t + direction] = x;
        track.y[t + direction] = y;
        track.visible[t + direction] = tracked;
      }
    }
    tracks.push_back(std::move(track));
  }
  return tracks;
}

TEST(DenseFlowTracker, SameTracksAsThePlainRule) {
  const int frames = 14;
  const Video clip =
      resize_video(read_video(kVtest, {100, frames}), 192, 144, ResizeMode::kSquash, ResizeFilter::kBicubic);
  Video ten_bit = clip;  // the same pictures in 10 bits: luma through the table of 1024 entries
  ten_bit.info.format.bit_depth = 10;
  for (Frame& f : ten_bit.frames) {
    f.format.bit_depth = 10;
    for (Plane& p : f.planes) {
      for (uint16_t& v : p.samples) v = static_cast<uint16_t>(v * 4 + (v >> 6));
    }
  }
  std::vector<TrackQuery> queries = grid_queries(192, 144, frames, 10);  // first and last frame
  for (const TrackQuery& q : grid_queries(192, 144, 1, 6)) queries.push_back({q.x + 1, q.y, 6});
  queries.push_back({-2, 5, 3});  // outside: invisible everywhere
  for (const Video* video : std::vector<const Video*>{&clip, &ten_bit}) {
    const Tracks got = DenseFlowTracker().track(*video, queries);
    const Tracks want = reference_tracks(*video, queries);
    ASSERT_EQ(got.size(), want.size());
    int moved = 0, lost = 0;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].query_frame, want[i].query_frame);
      EXPECT_EQ(got[i].x, want[i].x) << "track " << i;
      EXPECT_EQ(got[i].y, want[i].y) << "track " << i;
      EXPECT_EQ(got[i].visible, want[i].visible) << "track " << i;
      moved += got[i].x.front() != got[i].x.back();
      lost += std::count(got[i].visible.begin(), got[i].visible.end(), 0) > 0;
    }
    EXPECT_GT(moved, 20);  // the people walk
    EXPECT_GT(lost, 1);
  }
}

}  // namespace
}  // namespace tgvc
