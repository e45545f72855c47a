#include "harness/tracking/lk_pyramids.h"

#include <algorithm>

#include <opencv2/video/tracking.hpp>

namespace tgvc {
namespace {

// The most levels that keep the coarsest image at least two windows in each direction.
int usable_levels(cv::Size size, const LkSettings& settings) {
  int levels = 0;
  while (levels < settings.levels &&
         (std::min(size.width, size.height) >> (levels + 1)) >= 2 * settings.window) {
    ++levels;
  }
  return levels;
}

}  // namespace

LkPyramids::LkPyramids(const std::vector<cv::Mat>& lumas, const LkSettings& settings) : settings_(settings) {
  if (lumas.empty()) return;
  levels_ = usable_levels(lumas.front().size(), settings);
  const cv::Size window(settings.window, settings.window);
  pyramids_.resize(lumas.size());
  int built = levels_;
  for (size_t i = 0; i < lumas.size(); ++i) {
    built = std::min(built, cv::buildOpticalFlowPyramid(lumas[i], pyramids_[i], window, levels_, true));
  }
  levels_ = built;
}

void lk_move(const LkPyramids& pyramids, int from, int to, const std::vector<cv::Point2f>& from_points,
             std::vector<cv::Point2f>& to_points, std::vector<uint8_t>& found, int levels) {
  if (from_points.empty()) {
    to_points.clear();
    found.clear();
    return;
  }
  const LkSettings& s = pyramids.settings();
  const cv::TermCriteria criteria(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, s.max_iterations,
                                  s.epsilon);
  std::vector<float> residual;
  cv::calcOpticalFlowPyrLK(pyramids.at(from), pyramids.at(to), from_points, to_points, found, residual,
                           cv::Size(s.window, s.window), std::min(levels, pyramids.levels()), criteria,
                           cv::OPTFLOW_USE_INITIAL_FLOW, s.min_eigen);
}

}  // namespace tgvc
