#include "codecs/tgvc/generate/keyframe_motion.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <numeric>

#include "codecs/tgvc/generate/union_find.h"

namespace tgvc {
namespace {

// Luma in 8-bit units (rounded), reduced by `factor` (box average); factor 1 rescales only.
struct IntLuma {
  int width = 0;
  int height = 0;
  std::vector<int32_t> v;
  int32_t at(int x, int y) const { return v[static_cast<size_t>(y) * width + x]; }
};

IntLuma reduced_luma(const Frame& f, int factor) {
  const Plane& p = f.planes[0];
  const int64_t divisor = static_cast<int64_t>(f.max_value()) * factor * factor;
  IntLuma l;
  l.width = p.width / factor;
  l.height = p.height / factor;
  l.v.assign(static_cast<size_t>(l.width) * l.height, 0);
  for (int y = 0; y < l.height; ++y) {
    for (int x = 0; x < l.width; ++x) {
      int64_t sum = 0;
      for (int dy = 0; dy < factor; ++dy) {
        const uint16_t* row = p.row(y * factor + dy);
        for (int dx = 0; dx < factor; ++dx) sum += row[x * factor + dx];
      }
      l.v[static_cast<size_t>(y) * l.width + x] = static_cast<int32_t>((sum * 255 + divisor / 2) / divisor);
    }
  }
  return l;
}

// Which samples of a's block at (x, y) differ from b at the camera's place (dx, dy) by more than
// `threshold`: the moving object and what it uncovers; the still background around them is left
// out of the match, so that a small object in a larger block still finds its new place.
std::vector<uint8_t> changed_samples(const IntLuma& a, const IntLuma& b, int x, int y, int size, int dx,
                                     int dy, int threshold) {
  std::vector<uint8_t> mask(static_cast<size_t>(size) * size);
  for (int v = 0; v < size; ++v) {
    for (int u = 0; u < size; ++u)
      mask[static_cast<size_t>(v) * size + u] =
          std::abs(a.at(x + u, y + v) - b.at(x + dx + u, y + dy + v)) > threshold;
  }
  return mask;
}

// The SAD over the mask's samples; it stops (returning a partial sum >= stop) once the sum
// reaches `stop`: the candidate cannot win then.
int64_t block_sad(const IntLuma& a, const IntLuma& b, int ax, int ay, int bx, int by, int size,
                  const std::vector<uint8_t>& mask, int64_t stop = std::numeric_limits<int64_t>::max()) {
  int64_t sum = 0;
  for (int y = 0; y < size && sum < stop; ++y) {
    const int32_t* ra = &a.v[static_cast<size_t>(ay + y) * a.width + ax];
    const int32_t* rb = &b.v[static_cast<size_t>(by + y) * b.width + bx];
    const uint8_t* m = &mask[static_cast<size_t>(y) * size];
    for (int x = 0; x < size; ++x) sum += m[x] * std::abs(ra[x] - rb[x]);
  }
  return sum;
}

bool fits(const IntLuma& l, int x, int y, int size) {
  return x >= 0 && y >= 0 && x + size <= l.width && y + size <= l.height;
}

struct Best {
  int dx = 0, dy = 0;
  int64_t sad = std::numeric_limits<int64_t>::max();
};

// Exhaustive search of a's block at (x, y) (its `mask` samples) in b over displacements
// centre +- range; the first minimum in scan order wins (deterministic ties).
Best search(const IntLuma& a, const IntLuma& b, int x, int y, int size, const std::vector<uint8_t>& mask,
            int cx, int cy, int range, int64_t penalty) {
  Best best;
  int64_t best_cost = std::numeric_limits<int64_t>::max();
  for (int dy = cy - range; dy <= cy + range; ++dy) {
    for (int dx = cx - range; dx <= cx + range; ++dx) {
      if (!fits(b, x + dx, y + dy, size)) continue;
      const int64_t distance_cost = penalty * (std::abs(dx - cx) + std::abs(dy - cy));
      if (distance_cost >= best_cost) continue;
      // A SAD of at least (best_cost - distance_cost) / 8 cannot win: stop summing there.
      const int64_t stop =
          best_cost == std::numeric_limits<int64_t>::max() ? best_cost : (best_cost - distance_cost + 7) / 8;
      const int64_t sad = block_sad(a, b, x, y, x + dx, y + dy, size, mask, stop);
      const int64_t cost = 8 * sad + distance_cost;
      if (cost < best_cost) best = {dx, dy, sad}, best_cost = cost;
    }
  }
  return best;
}

// The camera's displacement of a point, rounded to units of `factor` pixels.
void camera_prediction(const CameraMotion& camera, double x, double y, int factor, int* dx, int* dy) {
  double mx = x, my = y;
  camera.apply(x, y, &mx, &my);
  *dx = static_cast<int>(std::lround((mx - x) / factor));
  *dy = static_cast<int>(std::lround((my - y) / factor));
}

struct MovedBlock {
  int bx = 0, by = 0;  // block grid position
  int dx = 0, dy = 0;  // full-size displacement A -> B
};

int lower_median(std::vector<int> v) {
  std::sort(v.begin(), v.end());
  return v[(v.size() - 1) / 2];
}

}  // namespace

std::vector<MovedRegion> find_moved_regions(const Frame& a, const Frame& b, const CameraMotion& camera,
                                            const KeyframeMotionOptions& options) {
  const int factor = std::max(1, options.factor), size = std::max(2, options.block);
  const int range = std::max(1, options.range);
  if (a.width() != b.width() || a.height() != b.height() || a.width() < factor * (size + 2 * range) ||
      a.height() < factor * (size + 2 * range)) {
    return {};
  }
  const IntLuma ra = reduced_luma(a, factor), rb = reduced_luma(b, factor);
  const IntLuma fa = reduced_luma(a, 1), fb = reduced_luma(b, 1);
  const int64_t n = static_cast<int64_t>(size) * size;
  const int cols = ra.width / size, rows = ra.height / size;
  std::vector<MovedBlock> blocks;
  for (int by = 0; by < rows; ++by) {
    for (int bx = 0; bx < cols; ++bx) {
      const int x = bx * size, y = by * size;
      const double cx = (x + 0.5 * size) * factor, cy = (y + 0.5 * size) * factor;
      int px = 0, py = 0;
      camera_prediction(camera, cx, cy, factor, &px, &py);
      if (!fits(rb, x + px, y + py, size)) continue;  // the camera takes it out of B
      const std::vector<uint8_t> mask = changed_samples(ra, rb, x, y, size, px, py, options.change_threshold);
      const int64_t changed = std::count(mask.begin(), mask.end(), 1);
      if (changed < options.min_changed_share * n) continue;  // the keyframes agree here
      const int64_t camera_sad = block_sad(ra, rb, x, y, x + px, y + py, size, mask);
      const int64_t penalty = options.motion_penalty_eighths * changed;
      const Best best = search(ra, rb, x, y, size, mask, px, py, range, penalty);
      if (best.sad > options.max_match_difference * changed ||
          static_cast<double>(best.sad) > options.max_match_share * static_cast<double>(camera_sad) ||
          std::max(std::abs(best.dx - px), std::abs(best.dy - py)) < options.min_shift) {
        continue;
      }
      // Forward/backward consistency: the same samples read in B at the match, searched in A
      // (without the distance cost), must come back here or find nothing clearly better.
      const int qx = x + best.dx, qy = y + best.dy;
      const Best back = search(rb, ra, qx, qy, size, mask, -px, -py, range, 0);
      if (std::max(std::abs(back.dx + best.dx), std::abs(back.dy + best.dy)) > options.consistency &&
          back.sad + options.consistency_margin * changed < best.sad) {
        continue;
      }
      // Refined at full size: the reduced match +- (factor - 1) pixels, over the changed samples.
      const int fx = x * factor, fy = y * factor, fsize = size * factor;
      std::vector<uint8_t> fine_mask(static_cast<size_t>(fsize) * fsize);
      for (int v = 0; v < fsize; ++v) {
        for (int u = 0; u < fsize; ++u)
          fine_mask[static_cast<size_t>(v) * fsize + u] =
              mask[static_cast<size_t>(v / factor) * size + u / factor];
      }
      const Best fine = search(fa, fb, fx, fy, fsize, fine_mask, best.dx * factor, best.dy * factor,
                               std::max(0, factor - 1), 0);
      if (fine.sad == std::numeric_limits<int64_t>::max()) continue;
      blocks.push_back({bx, by, fine.dx, fine.dy});
    }
  }
  // Regions: neighbouring blocks (8-connected) that move alike, joined in scan order.
  std::vector<int> index(static_cast<size_t>(cols) * rows, -1);
  for (size_t i = 0; i < blocks.size(); ++i)
    index[static_cast<size_t>(blocks[i].by) * cols + blocks[i].bx] = static_cast<int>(i);
  std::vector<int> parent(blocks.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (size_t i = 0; i < blocks.size(); ++i) {
    const MovedBlock& m = blocks[i];
    for (const auto& [ox, oy] : {std::pair{-1, 0}, std::pair{-1, -1}, std::pair{0, -1}, std::pair{1, -1}}) {
      const int nx = m.bx + ox, ny = m.by + oy;
      if (nx < 0 || ny < 0 || nx >= cols) continue;
      const int j = index[static_cast<size_t>(ny) * cols + nx];
      if (j < 0 || std::abs(blocks[j].dx - m.dx) > options.link_px ||
          std::abs(blocks[j].dy - m.dy) > options.link_px)
        continue;
      const int ri = find_root(parent, static_cast<int>(i)), rj = find_root(parent, j);
      parent[std::max(ri, rj)] = std::min(ri, rj);  // the earlier block stays the root
    }
  }
  std::vector<std::vector<int>> members(blocks.size());
  for (size_t i = 0; i < blocks.size(); ++i)
    members[find_root(parent, static_cast<int>(i))].push_back(static_cast<int>(i));
  std::vector<MovedRegion> regions;
  const double half = 0.5 * size * factor;
  for (const std::vector<int>& group : members) {
    if (group.empty() || static_cast<int>(group.size()) < options.min_blocks) continue;
    std::vector<int> dxs, dys;
    MovedRegion region;
    for (int i : group) {
      const MovedBlock& m = blocks[i];
      dxs.push_back(m.dx);
      dys.push_back(m.dy);
      const double cx = m.bx * size * factor + half, cy = m.by * size * factor + half;
      region.points_a.emplace_back(cx, cy);
      region.points_b.emplace_back(cx + m.dx, cy + m.dy);
    }
    region.dx = lower_median(dxs);
    region.dy = lower_median(dys);
    regions.push_back(std::move(region));
  }
  return regions;
}

}  // namespace tgvc
