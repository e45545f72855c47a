#include "codecs/tgvc/generate/colour_consistency.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "codecs/tgvc/generate/plane_sampling.h"

namespace tgvc {

double colour_difference(const Frame& key, const Frame& other, int x, int y, double ox, double oy) {
  if (ox < 0 || oy < 0 || ox > other.width() || oy > other.height())
    return std::numeric_limits<double>::quiet_NaN();
  const double to8 = 255.0 / key.max_value();
  double d = std::fabs(key.planes[0].at(x, y) - bilinear(other.planes[0], ox - 0.5, oy - 0.5));
  for (int p = 1; p < 3; ++p) {
    const double sx = static_cast<double>(key.planes[p].width) / key.width();
    const double sy = static_cast<double>(key.planes[p].height) / key.height();
    const double kv = bilinear(key.planes[p], (x + 0.5) * sx - 0.5, (y + 0.5) * sy - 0.5);
    d += 0.5 * std::fabs(kv - bilinear(other.planes[p], ox * sx - 0.5, oy * sy - 0.5));
  }
  return d * to8;
}

std::vector<double> box_mean(const std::vector<double>& v, int w, int h, int r) {
  std::vector<double> sum(static_cast<size_t>(w + 1) * (h + 1), 0), count(sum.size(), 0);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const double value = v[static_cast<size_t>(y) * w + x];
      const bool ok = std::isfinite(value);
      const size_t i = static_cast<size_t>(y + 1) * (w + 1) + x + 1;
      sum[i] = (ok ? value : 0) + sum[i - 1] + sum[i - w - 1] - sum[i - w - 2];
      count[i] = (ok ? 1 : 0) + count[i - 1] + count[i - w - 1] - count[i - w - 2];
    }
  }
  std::vector<double> out(v.size());
  for (int y = 0; y < h; ++y) {
    const int y0 = std::max(0, y - r), y1 = std::min(h, y + r + 1);
    for (int x = 0; x < w; ++x) {
      const int x0 = std::max(0, x - r), x1 = std::min(w, x + r + 1);
      const auto rect = [&](const std::vector<double>& s) {
        return s[static_cast<size_t>(y1) * (w + 1) + x1] - s[static_cast<size_t>(y0) * (w + 1) + x1] -
               s[static_cast<size_t>(y1) * (w + 1) + x0] + s[static_cast<size_t>(y0) * (w + 1) + x0];
      };
      const double c = rect(count);
      out[static_cast<size_t>(y) * w + x] = c > 0 ? rect(sum) / c : std::numeric_limits<double>::quiet_NaN();
    }
  }
  return out;
}

}  // namespace tgvc
