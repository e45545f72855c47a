#include "codecs/tgvc/generate/motion_field.h"

#include <algorithm>
#include <cmath>

namespace tgvc {

MotionField::MotionField(const std::vector<FieldPoint>& points, int width, int height,
                         const MotionFieldOptions& options) {
  const int cell = std::max(1, options.cell);
  inv_cell_ = 1.0 / cell;
  nx_ = (width + cell - 1) / cell + 1;
  ny_ = (height + cell - 1) / cell + 1;
  empty_ = points.empty();
  dx_.assign(static_cast<size_t>(nx_) * ny_, 0.f);
  dy_ = dx_;
  hidden_ = dx_;
  if (empty_) return;
  const double sigma = std::max(options.sigma, 1e-3);
  const double reach = 3 * sigma;
  const double inv_two_sigma2 = 1 / (2 * sigma * sigma);
  std::vector<double> sum_w(dx_.size(), options.background_weight), sum_dx(dx_.size(), 0), sum_dy(dx_.size(), 0),
      sum_h(dx_.size(), 0);
  for (const FieldPoint& p : points) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    // Only the lattice nodes within reach: a point costs (6 sigma / cell)^2 updates.
    const int gx0 = std::max(0, static_cast<int>(std::ceil((p.x - reach) * inv_cell_)));
    const int gx1 = std::min(nx_ - 1, static_cast<int>(std::floor((p.x + reach) * inv_cell_)));
    const int gy0 = std::max(0, static_cast<int>(std::ceil((p.y - reach) * inv_cell_)));
    const int gy1 = std::min(ny_ - 1, static_cast<int>(std::floor((p.y + reach) * inv_cell_)));
    for (int gy = gy0; gy <= gy1; ++gy) {
      const double ry = gy * cell - p.y;
      for (int gx = gx0; gx <= gx1; ++gx) {
        const double rx = gx * cell - p.x;
        const double d2 = rx * rx + ry * ry;
        if (d2 > reach * reach) continue;
        const double w = std::exp(-d2 * inv_two_sigma2);
        const size_t i = static_cast<size_t>(gy) * nx_ + gx;
        sum_w[i] += w;
        sum_dx[i] += w * p.dx;
        sum_dy[i] += w * p.dy;
        sum_h[i] += w * p.hidden;
      }
    }
  }
  for (size_t i = 0; i < dx_.size(); ++i) {
    if (sum_w[i] <= 0) continue;  // background_weight 0 and no point in reach: zero motion
    dx_[i] = static_cast<float>(sum_dx[i] / sum_w[i]);
    dy_[i] = static_cast<float>(sum_dy[i] / sum_w[i]);
    hidden_[i] = static_cast<float>(sum_h[i] / sum_w[i]);
  }
}

FieldValue MotionField::at(double x, double y) const {
  if (empty_) return {};
  const double u = std::clamp(x * inv_cell_, 0.0, static_cast<double>(nx_ - 1));
  const double v = std::clamp(y * inv_cell_, 0.0, static_cast<double>(ny_ - 1));
  const int x0 = std::min(static_cast<int>(u), nx_ - 2 < 0 ? 0 : nx_ - 2);
  const int y0 = std::min(static_cast<int>(v), ny_ - 2 < 0 ? 0 : ny_ - 2);
  const int x1 = std::min(x0 + 1, nx_ - 1), y1 = std::min(y0 + 1, ny_ - 1);
  const double fx = u - x0, fy = v - y0;
  const auto lerp = [&](const std::vector<float>& g) {
    const double top = g[static_cast<size_t>(y0) * nx_ + x0] * (1 - fx) + g[static_cast<size_t>(y0) * nx_ + x1] * fx;
    const double bottom = g[static_cast<size_t>(y1) * nx_ + x0] * (1 - fx) + g[static_cast<size_t>(y1) * nx_ + x1] * fx;
    return top * (1 - fy) + bottom * fy;
  };
  return {lerp(dx_), lerp(dy_), lerp(hidden_)};
}

}  // namespace tgvc
