#include "codecs/tgvc/generate/camera_path.h"

#include <algorithm>
#include <cmath>

#include "codecs/tgvc/bitstream/background_chunk.h"

namespace tgvc {
namespace {

int32_t to_eighths(double px) {
  if (!std::isfinite(px)) return 0;
  const double limit = kMaxCameraPathEighths;
  return static_cast<int32_t>(std::lround(std::clamp(8 * px, -limit, limit)));
}

}  // namespace

CameraMotion follow_camera_path(const CameraMotion& straight, const std::vector<CameraPathKnot>& knots,
                                int last, int width, int height) {
  CameraMotion out = straight;
  out.path.clear();
  const double w = width, h = height;
  for (const CameraPathKnot& knot : knots) {
    CameraPathPoint point;
    point.t = static_cast<double>(knot.frame) / last;
    point.m = straight.at(point.t);
    const double dx0 = knot.eighths[0] / 8.0, dy0 = knot.eighths[1] / 8.0;
    const double dx1 = knot.eighths[2] / 8.0, dy1 = knot.eighths[3] / 8.0;
    const double dx2 = knot.eighths[4] / 8.0, dy2 = knot.eighths[5] / 8.0;
    point.m[0] += (dx1 - dx0) / w;
    point.m[1] += (dx2 - dx0) / h;
    point.m[2] += dx0;
    point.m[3] += (dy1 - dy0) / w;
    point.m[4] += (dy2 - dy0) / h;
    point.m[5] += dy0;
    out.path.push_back(point);
  }
  return out;
}

CameraPathKnot camera_path_knot(const CameraMotion& straight, const CameraMotion& a_to_frame, int frame,
                                int last, int width, int height) {
  CameraPathKnot knot;
  knot.frame = frame;
  const std::array<double, 6> line = straight.at(static_cast<double>(frame) / last);
  const std::array<double, 6>& target = a_to_frame.m;
  const double corners[3][2] = {{0, 0}, {static_cast<double>(width), 0}, {0, static_cast<double>(height)}};
  for (int k = 0; k < 3; ++k) {
    const double x = corners[k][0], y = corners[k][1];
    const double dx = (target[0] - line[0]) * x + (target[1] - line[1]) * y + (target[2] - line[2]);
    const double dy = (target[3] - line[3]) * x + (target[4] - line[4]) * y + (target[5] - line[5]);
    knot.eighths[2 * k] = to_eighths(dx);
    knot.eighths[2 * k + 1] = to_eighths(dy);
  }
  return knot;
}

std::vector<int> camera_path_frames(int last, int count) {
  std::vector<int> frames;
  for (int k = 1; k <= count; ++k) {
    const int j = static_cast<int>(std::lround(static_cast<double>(k) * last / (count + 1)));
    if (j > 0 && j < last && (frames.empty() || j > frames.back())) frames.push_back(j);
  }
  return frames;
}

}  // namespace tgvc
