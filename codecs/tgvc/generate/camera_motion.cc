#include "codecs/tgvc/generate/camera_motion.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace tgvc {
namespace {

// Luma as floats in 8-bit units, optionally reduced by `factor` (box average).
struct Luma {
  int width = 0;
  int height = 0;
  std::vector<float> v;
  float at(int x, int y) const { return v[static_cast<size_t>(y) * width + x]; }
};

Luma reduced_luma(const Frame& f, int factor) {
  const Plane& p = f.planes[0];
  const double scale = 255.0 / f.max_value() / (factor * factor);
  Luma l;
  l.width = p.width / factor;
  l.height = p.height / factor;
  l.v.assign(static_cast<size_t>(l.width) * l.height, 0);
  for (int y = 0; y < l.height; ++y) {
    for (int x = 0; x < l.width; ++x) {
      double sum = 0;
      for (int dy = 0; dy < factor; ++dy) {
        const uint16_t* row = p.row(y * factor + dy);
        for (int dx = 0; dx < factor; ++dx) sum += row[x * factor + dx];
      }
      l.v[static_cast<size_t>(y) * l.width + x] = static_cast<float>(sum * scale);
    }
  }
  return l;
}

// One matched block: its centre in A and its displacement to B, in full-size pixels.
struct Match {
  double x = 0, y = 0, dx = 0, dy = 0;
};

double block_sad(const Luma& a, const Luma& b, int x0, int y0, int size, int dx, int dy) {
  double sum = 0;
  for (int y = 0; y < size; ++y) {
    for (int x = 0; x < size; ++x) sum += std::fabs(a.at(x0 + x, y0 + y) - b.at(x0 + x + dx, y0 + y + dy));
  }
  return sum;
}

double block_std(const Luma& a, int x0, int y0, int size) {
  double s = 0, s2 = 0;
  for (int y = 0; y < size; ++y) {
    for (int x = 0; x < size; ++x) {
      s += a.at(x0 + x, y0 + y);
      s2 += a.at(x0 + x, y0 + y) * a.at(x0 + x, y0 + y);
    }
  }
  const double n = size * size;
  return std::sqrt(std::max(0.0, s2 / n - (s / n) * (s / n)));
}

// Vertex of the parabola through (-1, cm), (0, c0), (1, cp): the sub-sample offset in [-0.5, 0.5].
double parabola_offset(double cm, double c0, double cp) {
  const double d = cm - 2 * c0 + cp;
  return d > 1e-9 ? std::clamp(0.5 * (cm - cp) / d, -0.5, 0.5) : 0.0;
}

// Exhaustive SAD search of blocks of `size` every `stride` samples over [pred - range, pred + range];
// `predict` gives the predicted displacement (reduced units) of a block centre.
template <typename Predict>
std::vector<Match> match_blocks(const Luma& a, const Luma& b, int size, int stride, int range, int factor,
                                Predict predict) {
  std::vector<Match> out;
  for (int y0 = range; y0 + size + range <= a.height; y0 += stride) {
    for (int x0 = range; x0 + size + range <= a.width; x0 += stride) {
      if (block_std(a, x0, y0, size) < 2) continue;  // flat: no reliable match
      const double cx = x0 + 0.5 * size, cy = y0 + 0.5 * size;
      double pdx = 0, pdy = 0;
      predict(cx, cy, &pdx, &pdy);
      const int px = static_cast<int>(std::lround(pdx)), py = static_cast<int>(std::lround(pdy));
      double best = std::numeric_limits<double>::max();
      int bx = 0, by = 0;
      for (int dy = py - range; dy <= py + range; ++dy) {
        if (y0 + dy < 0 || y0 + dy + size > b.height) continue;
        for (int dx = px - range; dx <= px + range; ++dx) {
          if (x0 + dx < 0 || x0 + dx + size > b.width) continue;
          const double c = block_sad(a, b, x0, y0, size, dx, dy);
          if (c < best) best = c, bx = dx, by = dy;
        }
      }
      if (best == std::numeric_limits<double>::max()) continue;
      double fx = bx, fy = by;
      const auto inside = [&](int dx, int dy) {
        return x0 + dx >= 0 && y0 + dy >= 0 && x0 + dx + size <= b.width && y0 + dy + size <= b.height;
      };
      if (inside(bx - 1, by) && inside(bx + 1, by)) {
        fx += parabola_offset(block_sad(a, b, x0, y0, size, bx - 1, by), best,
                              block_sad(a, b, x0, y0, size, bx + 1, by));
      }
      if (inside(bx, by - 1) && inside(bx, by + 1)) {
        fy += parabola_offset(block_sad(a, b, x0, y0, size, bx, by - 1), best,
                              block_sad(a, b, x0, y0, size, bx, by + 1));
      }
      out.push_back({cx * factor, cy * factor, fx * factor, fy * factor});
    }
  }
  return out;
}

// Least-squares affine through the used matches; false when singular.
bool fit_affine(const std::vector<Match>& matches, const std::vector<bool>& used, std::array<double, 6>* m) {
  double n[3][3] = {}, rx[3] = {}, ry[3] = {};
  for (size_t i = 0; i < matches.size(); ++i) {
    if (!used[i]) continue;
    const double v[3] = {matches[i].x, matches[i].y, 1};
    for (int r = 0; r < 3; ++r) {
      for (int c = 0; c < 3; ++c) n[r][c] += v[r] * v[c];
      rx[r] += v[r] * (matches[i].x + matches[i].dx);
      ry[r] += v[r] * (matches[i].y + matches[i].dy);
    }
  }
  // Cramer's rule on the 3x3 normal equations.
  const auto det3 = [](const double a[3][3]) {
    return a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) -
           a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) +
           a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
  };
  const double d = det3(n);
  if (std::fabs(d) < 1e-6) return false;
  for (int axis = 0; axis < 2; ++axis) {
    const double* rhs = axis == 0 ? rx : ry;
    for (int k = 0; k < 3; ++k) {
      double t[3][3];
      for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) t[r][c] = c == k ? rhs[r] : n[r][c];
      }
      (*m)[axis * 3 + k] = det3(t) / d;
    }
  }
  return true;
}

// Iteratively trimmed affine fit; returns the share of matches kept as inliers (0 on failure).
double robust_affine(const std::vector<Match>& matches, double floor_px, std::array<double, 6>* m) {
  if (matches.size() < 6) return 0;
  std::vector<bool> used(matches.size(), true);
  if (!fit_affine(matches, used, m)) return 0;
  size_t inliers = matches.size();
  for (int pass = 0; pass < 5; ++pass) {
    std::vector<double> residual(matches.size()), sorted;
    for (size_t i = 0; i < matches.size(); ++i) {
      const Match& k = matches[i];
      const double ex = (*m)[0] * k.x + (*m)[1] * k.y + (*m)[2] - (k.x + k.dx);
      const double ey = (*m)[3] * k.x + (*m)[4] * k.y + (*m)[5] - (k.y + k.dy);
      residual[i] = std::hypot(ex, ey);
      if (used[i]) sorted.push_back(residual[i]);
    }
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
    const double limit = std::max(floor_px, 2.5 * sorted[sorted.size() / 2]);
    inliers = 0;
    for (size_t i = 0; i < matches.size(); ++i) {
      used[i] = residual[i] <= limit;
      inliers += used[i] ? 1 : 0;
    }
    if (inliers < 6 || !fit_affine(matches, used, m)) return 0;
  }
  return static_cast<double>(inliers) / matches.size();
}

}  // namespace

std::array<double, 6> CameraMotion::at(double t) const {
  static constexpr std::array<double, 6> kIdentity = {1, 0, 0, 0, 1, 0};
  // Knots (0, I), path..., (1, m); the segment holding t.
  double t0 = 0, t1 = 1;
  const std::array<double, 6>* m0 = &kIdentity;
  const std::array<double, 6>* m1 = &m;
  for (const CameraPathPoint& p : path) {
    if (p.t <= t) {
      t0 = p.t;
      m0 = &p.m;
    } else {
      t1 = p.t;
      m1 = &p.m;
      break;
    }
  }
  const double u = t1 > t0 ? std::clamp((t - t0) / (t1 - t0), 0.0, 1.0) : 1.0;
  std::array<double, 6> out{};
  for (int i = 0; i < 6; ++i) out[i] = (*m0)[i] + u * ((*m1)[i] - (*m0)[i]);
  return out;
}

CameraMotion CameraMotion::inverse() const {
  CameraMotion inv;
  const double det = m[0] * m[4] - m[1] * m[3];
  if (identity || std::fabs(det) < 1e-9) return inv;
  inv.identity = false;
  inv.m = {m[4] / det, -m[1] / det, 0, -m[3] / det, m[0] / det, 0};
  inv.m[2] = -(inv.m[0] * m[2] + inv.m[1] * m[5]);
  inv.m[5] = -(inv.m[3] * m[2] + inv.m[4] * m[5]);
  return inv;
}

CameraMotion estimate_camera_motion(const Frame& a, const Frame& b, const CameraMotionOptions& options) {
  CameraMotion none;
  if (a.width() != b.width() || a.height() != b.height() || a.width() < 64 || a.height() < 64) return none;
  constexpr int kFactor = 4;
  const Luma ra = reduced_luma(a, kFactor), rb = reduced_luma(b, kFactor);
  const int range = std::max(1, options.coarse_search);
  const std::vector<Match> coarse = match_blocks(
      ra, rb, 8, 6, range, kFactor, [](double, double, double* dx, double* dy) { *dx = *dy = 0; });
  std::array<double, 6> m{};
  if (robust_affine(coarse, 2.0 * kFactor, &m) < options.min_inlier_share) return none;
  const Luma fa = reduced_luma(a, 1), fb = reduced_luma(b, 1);
  const std::vector<Match> fine =
      match_blocks(fa, fb, 16, 24, 3, 1, [&](double x, double y, double* dx, double* dy) {
        *dx = m[0] * x + m[1] * y + m[2] - x;
        *dy = m[3] * x + m[4] * y + m[5] - y;
      });
  // The fine search is bounded: a block whose predicted displacement runs off the frame is skipped.
  if (robust_affine(fine, 1.0, &m) < options.min_inlier_share) return none;
  // A still camera unless the model explains clearly more blocks than no motion does: coding noise
  // and moving people otherwise fit a spurious sub-pixel shear.
  int model_fits = 0, still_fits = 0;
  for (const Match& k : fine) {
    const double ex = m[0] * k.x + m[1] * k.y + m[2] - (k.x + k.dx),
                 ey = m[3] * k.x + m[4] * k.y + m[5] - (k.y + k.dy);
    model_fits += std::hypot(ex, ey) <= options.fit_px ? 1 : 0;
    still_fits += std::hypot(k.dx, k.dy) <= options.fit_px ? 1 : 0;
  }
  if (still_fits >= options.still_preference * model_fits) return none;
  double largest = 0;
  for (double x : {0.0, static_cast<double>(a.width())}) {
    for (double y : {0.0, static_cast<double>(a.height())}) {
      largest = std::max(largest, std::hypot(m[0] * x + m[1] * y + m[2] - x, m[3] * x + m[4] * y + m[5] - y));
    }
  }
  if (!(largest >= options.min_motion_px) || !std::isfinite(largest)) return none;
  CameraMotion out;
  out.m = m;
  out.identity = false;
  return out;
}

}  // namespace tgvc
