#include "codecs/tgvc/generate/similarity_fit.h"

#include <algorithm>
#include <cmath>

namespace tgvc {
namespace {

SimilarityMotion weighted_fit(const std::vector<PointPair>& pairs, const std::vector<bool>& used,
                              const SimilarityFitOptions& options) {
  double sw = 0, mx = 0, my = 0, mpx = 0, mpy = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (!used[i]) continue;
    const PointPair& p = pairs[i];
    sw += p.weight;
    mx += p.weight * p.x;
    my += p.weight * p.y;
    mpx += p.weight * p.px;
    mpy += p.weight * p.py;
  }
  SimilarityMotion s;
  if (sw <= 0) return s;
  mx /= sw, my /= sw, mpx /= sw, mpy /= sw;
  double sxx = 0, num_a = 0, num_b = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (!used[i]) continue;
    const PointPair& p = pairs[i];
    const double x = p.x - mx, y = p.y - my, u = p.px - mpx, v = p.py - mpy;
    sxx += p.weight * (x * x + y * y);
    num_a += p.weight * (x * u + y * v);
    num_b += p.weight * (x * v - y * u);
  }
  const double spread = std::sqrt(sxx / sw);
  if (spread >= options.min_spread) {
    const double a = num_a / sxx, b = num_b / sxx;
    const double scale = std::hypot(a, b);
    if (scale >= options.min_scale && scale <= 1 / options.min_scale) {
      s.a = a;
      s.b = b;
    }
  }
  // The centroid maps to the centroid.
  s.tx = mpx - (s.a * mx - s.b * my);
  s.ty = mpy - (s.b * mx + s.a * my);
  return s;
}

}  // namespace

SimilarityMotion SimilarityMotion::inverse() const {
  const double d = a * a + b * b;
  SimilarityMotion inv;
  if (d <= 0) return inv;
  inv.a = a / d;
  inv.b = -b / d;
  inv.tx = -(inv.a * tx - inv.b * ty);
  inv.ty = -(inv.b * tx + inv.a * ty);
  return inv;
}

double SimilarityMotion::scale() const {
  return std::hypot(a, b);
}

SimilarityMotion fit_similarity(const std::vector<PointPair>& pairs, const SimilarityFitOptions& options) {
  std::vector<bool> used(pairs.size());
  int count = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    used[i] = pairs[i].weight > 0 && std::isfinite(pairs[i].x) && std::isfinite(pairs[i].y) &&
              std::isfinite(pairs[i].px) && std::isfinite(pairs[i].py);
    count += used[i] ? 1 : 0;
  }
  SimilarityMotion s = weighted_fit(pairs, used, options);
  for (int pass = 0; pass < 2 && count >= 4; ++pass) {
    std::vector<double> residual(pairs.size(), 0), kept;
    for (size_t i = 0; i < pairs.size(); ++i) {
      if (!used[i]) continue;
      double x = 0, y = 0;
      s.apply(pairs[i].x, pairs[i].y, &x, &y);
      residual[i] = std::hypot(x - pairs[i].px, y - pairs[i].py);
      kept.push_back(residual[i]);
    }
    std::nth_element(kept.begin(), kept.begin() + kept.size() / 2, kept.end());
    const double limit = std::max(options.outlier_px, 3 * kept[kept.size() / 2]);
    // Only the worst pair per pass: a robust step that cannot empty a small instance.
    size_t worst = pairs.size();
    for (size_t i = 0; i < pairs.size(); ++i) {
      if (used[i] && residual[i] > limit && (worst == pairs.size() || residual[i] > residual[worst]))
        worst = i;
    }
    if (worst == pairs.size()) break;
    used[worst] = false;
    --count;
    s = weighted_fit(pairs, used, options);
  }
  return s;
}

}  // namespace tgvc
