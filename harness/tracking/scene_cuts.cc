#include "harness/tracking/scene_cuts.h"

#include <array>
#include <cmath>
#include <string>

#include "harness/core/error.h"
#include "harness/tracking/luma_image.h"

namespace tgvc {
namespace {

constexpr int kBins = 64;

std::array<double, kBins> luma_histogram(const Video& clip, int t) {
  const Frame& frame = clip.frames[t];
  const std::string where = "scene cut frame " + std::to_string(t);
  if (frame.width() != clip.frames[0].width() || frame.height() != clip.frames[0].height()) {
    throw InputError(where,
                     "the size of frame 0 (" + std::to_string(clip.frames[0].width()) + "x" +
                         std::to_string(clip.frames[0].height()) + ")",
                     std::to_string(frame.width()) + "x" + std::to_string(frame.height()));
  }
  const cv::Mat luma = luma_image(frame, clip.info.colour.matrix, where);
  std::array<double, kBins> histogram{};
  for (int y = 0; y < luma.rows; ++y) {
    const uint8_t* row = luma.ptr<uint8_t>(y);
    for (int x = 0; x < luma.cols; ++x) histogram[row[x] / (256 / kBins)] += 1;
  }
  const double total = static_cast<double>(luma.rows) * luma.cols;
  for (double& bin : histogram) bin /= total;
  return histogram;
}

}  // namespace

std::vector<double> scene_cut_distances(const Video& clip) {
  std::vector<double> distances;
  std::array<double, kBins> previous{};
  for (int t = 0; t < clip.frame_count(); ++t) {
    const std::array<double, kBins> current = luma_histogram(clip, t);
    double variation = 0;
    for (int i = 0; i < kBins; ++i) variation += std::abs(current[i] - previous[i]);
    distances.push_back(t == 0 ? 0.0 : 0.5 * variation);
    previous = current;
  }
  return distances;
}

std::vector<int> scene_cuts(const Video& clip, double threshold) {
  std::vector<int> cuts;
  if (threshold >= 1) return cuts;  // distances never exceed 1 (but for rounding)
  const std::vector<double> distances = scene_cut_distances(clip);
  for (int t = 1; t < static_cast<int>(distances.size()); ++t) {
    if (distances[t] > threshold) cuts.push_back(t);
  }
  return cuts;
}

}  // namespace tgvc
