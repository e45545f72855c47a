#include "codecs/tgvc/generate/instance_support.h"

#include "codecs/tgvc/generate/colour_consistency.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tgvc {
namespace {

// Binary erosion (grow = false) or dilation of a w x h mask by a square of half size r.
std::vector<uint8_t> morph(const std::vector<uint8_t>& m, int w, int h, int r, bool grow) {
  std::vector<uint8_t> rows(m.size()), out(m.size());
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      bool v = !grow;
      for (int k = std::max(0, x - r); k <= std::min(w - 1, x + r); ++k) {
        v = grow ? (v || m[static_cast<size_t>(y) * w + k]) : (v && m[static_cast<size_t>(y) * w + k]);
      }
      rows[static_cast<size_t>(y) * w + x] = v;
    }
  }
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      bool v = !grow;
      for (int k = std::max(0, y - r); k <= std::min(h - 1, y + r); ++k) {
        v = grow ? (v || rows[static_cast<size_t>(k) * w + x]) : (v && rows[static_cast<size_t>(k) * w + x]);
      }
      out[static_cast<size_t>(y) * w + x] = v;
    }
  }
  return out;
}

// Keeps the 4-connected parts of `m` that contain one of `seeds` (pixel indices).
std::vector<uint8_t> seeded_parts(const std::vector<uint8_t>& m, int w, int h,
                                  const std::vector<size_t>& seeds) {
  std::vector<uint8_t> out(m.size(), 0);
  std::vector<size_t> stack;
  for (size_t s : seeds) {
    if (m[s] && !out[s]) {
      out[s] = 1;
      stack.push_back(s);
    }
  }
  while (!stack.empty()) {
    const size_t i = stack.back();
    stack.pop_back();
    const int x = static_cast<int>(i % w), y = static_cast<int>(i / w);
    const size_t next[4] = {x > 0 ? i - 1 : i, x + 1 < w ? i + 1 : i, y > 0 ? i - w : i,
                            y + 1 < h ? i + w : i};
    for (size_t k : next) {
      if (m[k] && !out[k]) {
        out[k] = 1;
        stack.push_back(k);
      }
    }
  }
  return out;
}

}  // namespace

SupportMask instance_support(const Frame& key, const Frame& other, const CameraMotion& camera,
                             const SimilarityMotion& key_to_other,
                             const std::vector<std::pair<double, double>>& points,
                             const SupportOptions& options) {
  const int width = key.width(), height = key.height();
  if (points.empty()) return SupportMask(width, height, {});
  const double radius = std::max(4.0, options.radius_fraction * std::min(width, height));
  // The region examined: the points' bounding box grown by the radius.
  double minx = width, miny = height, maxx = 0, maxy = 0;
  for (const auto& p : points) {
    minx = std::min(minx, p.first), maxx = std::max(maxx, p.first);
    miny = std::min(miny, p.second), maxy = std::max(maxy, p.second);
  }
  const int x0 = clamped_floor(minx - radius, 0, width), x1 = clamped_floor(maxx + radius + 1, 0, width);
  const int y0 = clamped_floor(miny - radius, 0, height), y1 = clamped_floor(maxy + radius + 1, 0, height);
  const int w = x1 - x0, h = y1 - y0;
  if (w <= 0 || h <= 0) return SupportMask(width, height, {});
  std::vector<double> moved(static_cast<size_t>(w) * h), still(moved.size()), fixed(moved.size()),
      nearest(moved.size());
  // Distance to the nearest point, stamped point by point within the radius (plus the averaging
  // window): cost points x radius^2, not region x points.
  std::fill(nearest.begin(), nearest.end(), std::numeric_limits<double>::infinity());
  const double reach = radius + options.window + 1;
  for (const auto& p : points) {
    const int px0 = clamped_floor(p.first - reach - x0, 0, w),
              px1 = clamped_floor(p.first + reach - x0 + 1, 0, w);
    const int py0 = clamped_floor(p.second - reach - y0, 0, h),
              py1 = clamped_floor(p.second + reach - y0 + 1, 0, h);
    for (int y = py0; y < py1; ++y) {
      for (int x = px0; x < px1; ++x) {
        double& d = nearest[static_cast<size_t>(y) * w + x];
        d = std::min(d, std::hypot(x0 + x + 0.5 - p.first, y0 + y + 0.5 - p.second));
      }
    }
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const size_t i = static_cast<size_t>(y) * w + x;
      if (!(nearest[i] <= reach)) {
        moved[i] = still[i] = fixed[i] = nan;  // never looked at
        continue;
      }
      const double cx = x0 + x + 0.5, cy = y0 + y + 0.5;
      double mx = 0, my = 0, sx = 0, sy = 0;
      key_to_other.apply(cx, cy, &mx, &my);
      camera.apply(cx, cy, &sx, &sy);
      moved[i] = colour_difference(key, other, x0 + x, y0 + y, mx, my);
      still[i] = colour_difference(key, other, x0 + x, y0 + y, sx, sy);
      fixed[i] = colour_difference(key, other, x0 + x, y0 + y, cx, cy);
    }
  }
  moved = box_mean(moved, w, h, options.window);
  still = box_mean(still, w, h, options.window);
  fixed = box_mean(fixed, w, h, options.window);
  // Whatever does not move with the instance: the background with the camera, or anything that
  // stays where the frame has it (objects sent without trajectories).
  for (size_t i = 0; i < still.size(); ++i)
    still[i] = std::isfinite(still[i]) ? std::min(still[i], fixed[i]) : fixed[i];
  std::vector<uint8_t> inside(moved.size(), 0);
  for (size_t i = 0; i < inside.size(); ++i) {
    if (nearest[i] > radius) continue;
    const bool near = nearest[i] <= options.near_fraction * radius;
    if (!std::isfinite(moved[i]) || !std::isfinite(still[i])) {
      inside[i] = near;  // nothing to compare with: the points decide
    } else if (still[i] - moved[i] > options.decisive) {
      inside[i] = 1;
    } else if (moved[i] - still[i] > options.decisive) {
      inside[i] = 0;
    } else {
      inside[i] = near;  // undecided: flat, or the object over its own old place
    }
  }
  inside = morph(morph(inside, w, h, 2, true), w, h, 2, false);  // close small holes
  inside = morph(morph(inside, w, h, 1, false), w, h, 1, true);  // drop specks
  std::vector<size_t> seeds;
  for (const auto& p : points) {
    const int px = clamped_floor(p.first, -4, width + 4) - x0,
              py = clamped_floor(p.second, -4, height + 4) - y0;
    for (int dy = -3; dy <= 3; ++dy) {
      for (int dx = -3; dx <= 3; ++dx) {
        if (px + dx >= 0 && px + dx < w && py + dy >= 0 && py + dy < h)
          seeds.push_back(static_cast<size_t>(py + dy) * w + px + dx);
      }
    }
  }
  inside = seeded_parts(inside, w, h, seeds);
  // Feathered edge: a box blur of the binary mask, kept where it is above 0 (as float).
  std::vector<double> soft(inside.begin(), inside.end());
  soft = box_mean(soft, w, h, options.feather);
  std::vector<float> values(soft.begin(), soft.end());
  PixelBox box{width, height, 0, 0};
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      if (values[static_cast<size_t>(y) * w + x] <= 0) continue;
      box.x0 = std::min(box.x0, x0 + x), box.x1 = std::max(box.x1, x0 + x + 1);
      box.y0 = std::min(box.y0, y0 + y), box.y1 = std::max(box.y1, y0 + y + 1);
    }
  }
  SupportMask mask(width, height, box);
  for (int y = mask.box().y0; y < mask.box().y1; ++y) {
    for (int x = mask.box().x0; x < mask.box().x1; ++x)
      mask.at_in_box(x, y) = values[static_cast<size_t>(y - y0) * w + (x - x0)];
  }
  return mask;
}

}  // namespace tgvc
