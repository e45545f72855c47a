#include "tests/unit/datasets/synthetic_test_util.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace tgvc::testing {

double luma_at(const Frame& frame, double x, double y) {
  const Plane& p = frame.planes[0];
  const double u = std::clamp(x - 0.5, 0.0, p.width - 1.0);
  const double v = std::clamp(y - 0.5, 0.0, p.height - 1.0);
  const int x0 = std::min(static_cast<int>(u), p.width - 2);
  const int y0 = std::min(static_cast<int>(v), p.height - 2);
  const double fx = u - x0, fy = v - y0;
  const double top = p.at(x0, y0) + fx * (p.at(x0 + 1, y0) - p.at(x0, y0));
  const double bottom = p.at(x0, y0 + 1) + fx * (p.at(x0 + 1, y0 + 1) - p.at(x0, y0 + 1));
  return top + fy * (bottom - top);
}

double mean_luma_difference(const Frame& a, const Frame& b) {
  const std::vector<uint16_t>& sa = a.planes[0].samples;
  const std::vector<uint16_t>& sb = b.planes[0].samples;
  double sum = 0;
  for (size_t i = 0; i < sa.size(); ++i) sum += std::abs(sa[i] - sb[i]);
  return sum / sa.size();
}

double luma_deviation(const Frame& frame) {
  const std::vector<uint16_t>& s = frame.planes[0].samples;
  double mean = 0;
  for (uint16_t v : s) mean += v;
  mean /= s.size();
  double var = 0;
  for (uint16_t v : s) var += (v - mean) * (v - mean);
  return std::sqrt(var / s.size());
}

double difference_variance(const Frame& frame, int levels) {
  int w = frame.width(), h = frame.height();
  std::vector<double> image(frame.planes[0].samples.begin(), frame.planes[0].samples.end());
  for (int l = 0; l < levels; ++l) {
    const int hw = w / 2, hh = h / 2;
    std::vector<double> half(static_cast<size_t>(hw) * hh);
    for (int y = 0; y < hh; ++y) {
      for (int x = 0; x < hw; ++x) {
        const size_t i = static_cast<size_t>(2 * y) * w + 2 * x;
        half[static_cast<size_t>(y) * hw + x] =
            0.25 * (image[i] + image[i + 1] + image[i + w] + image[i + w + 1]);
      }
    }
    image.swap(half);
    w = hw;
    h = hh;
  }
  std::vector<double> d;
  for (int y = 0; y + 1 < h; ++y) {
    for (int x = 0; x + 1 < w; ++x) {
      const double v = image[static_cast<size_t>(y) * w + x];
      d.push_back(image[static_cast<size_t>(y) * w + x + 1] - v);
      d.push_back(image[static_cast<size_t>(y + 1) * w + x] - v);
    }
  }
  double mean = 0;
  for (double v : d) mean += v;
  mean /= d.size();
  double var = 0;
  for (double v : d) var += (v - mean) * (v - mean);
  return var / d.size();
}

}  // namespace tgvc::testing
