// Image pyramids for pyramidal Lucas-Kanade, built once per clip frame and shared by every step
// that starts or ends on that frame (forward, backward and the consistency checks).
#pragma once

#include <cstdint>
#include <vector>

#include <opencv2/core.hpp>

namespace tgvc {

struct LkSettings {
  int window = 9;
  int levels = 3;  // pyramid levels above full resolution
  int max_iterations = 20;
  double epsilon = 0.01;
  double min_eigen = 1e-4;
};

class LkPyramids {
 public:
  // One pyramid (with derivatives) per luma image; all images must have the same size. The level
  // count is lowered so that the coarsest level stays at least two windows wide and tall.
  LkPyramids(const std::vector<cv::Mat>& lumas, const LkSettings& settings);

  int frame_count() const { return static_cast<int>(pyramids_.size()); }
  int levels() const { return levels_; }
  const LkSettings& settings() const { return settings_; }
  const std::vector<cv::Mat>& at(int frame) const { return pyramids_[frame]; }

 private:
  LkSettings settings_;
  int levels_ = 0;
  std::vector<std::vector<cv::Mat>> pyramids_;
};

// Moves `from_points` (OpenCV pixel coordinates: pixel centres at integers) from frame `from` to
// frame `to` with pyramidal LK on `levels` levels above full resolution (at most levels()).
// `to_points` holds the initial guesses on entry and the results on return; found[i] is 0 where
// LK lost the point (outside the image, or a window flatter than min_eigen).
void lk_move(const LkPyramids& pyramids, int from, int to, const std::vector<cv::Point2f>& from_points,
             std::vector<cv::Point2f>& to_points, std::vector<uint8_t>& found, int levels);

}  // namespace tgvc
