// Seeded point sets and tracks whose clustering is known, shared by the clustering tests and
// bench_clustering. Header only; every draw comes from std::mt19937_64 bits (portable).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "codecs/tgvc/clustering/feature_matrix.h"
#include "harness/tracking/tracks.h"

namespace tgvc {
namespace testing_data {

class Draws {
 public:
  explicit Draws(uint64_t seed) : rng_(seed) {}
  double uniform() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Box-Muller (one value per call, the other discarded: simple and portable).
  double normal() {
    const double u1 = 1.0 - uniform();  // (0, 1]
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

 private:
  std::mt19937_64 rng_;
};

struct Blob {
  std::vector<double> centre;
  double sigma = 1;
  int count = 0;
};

struct LabelledPoints {
  FeatureMatrix points;
  std::vector<int> truth;  // blob index, -1 for the noise points
};

// Isotropic Gaussian blobs, then `noise` points uniform in [lo, hi]^dim that lie farther than
// `clearance` from every blob centre (so the truth is unambiguous). Points in generation order.
inline LabelledPoints gaussian_blobs(const std::vector<Blob>& blobs, int noise, double lo, double hi,
                                     double clearance, uint64_t seed) {
  const int dim = static_cast<int>(blobs.at(0).centre.size());
  Draws draws(seed);
  LabelledPoints out;
  std::vector<double> values;
  for (size_t b = 0; b < blobs.size(); ++b) {
    for (int i = 0; i < blobs[b].count; ++i) {
      for (int d = 0; d < dim; ++d) values.push_back(blobs[b].centre[d] + blobs[b].sigma * draws.normal());
      out.truth.push_back(static_cast<int>(b));
    }
  }
  int made = 0;
  while (made < noise) {
    std::vector<double> p(dim);
    for (double& v : p) v = draws.uniform(lo, hi);
    bool clear = true;
    for (const Blob& blob : blobs) {
      double d2 = 0;
      for (int d = 0; d < dim; ++d) d2 += (p[d] - blob.centre[d]) * (p[d] - blob.centre[d]);
      clear = clear && std::sqrt(d2) > clearance;
    }
    if (!clear) continue;
    values.insert(values.end(), p.begin(), p.end());
    out.truth.push_back(-1);
    ++made;
  }
  out.points.rows = static_cast<int>(out.truth.size());
  out.points.cols = dim;
  out.points.values = std::move(values);
  return out;
}

// A clip with a still background and moving rectangles, tracked as T-GVC does: a grid x grid
// lattice on the first frame followed forward, and one on the last frame (2 * grid^2 tracks).
// `motion` of each track: 0 for the background, 1 + r for rectangle r. Jitter is Gaussian (pixels).
struct MovingRect {
  double x0, y0, x1, y1;  // on the first frame
  double vx, vy;          // pixels per frame
};

struct SyntheticTracks {
  Tracks tracks;
  std::vector<int> motion;
};

inline SyntheticTracks moving_rect_tracks(int grid, int frames, const std::vector<MovingRect>& rects,
                                          double jitter, uint64_t seed, int width = 512, int height = 320) {
  Draws draws(seed);
  SyntheticTracks out;
  for (int pass = 0; pass < 2; ++pass) {
    const int query = pass == 0 ? 0 : frames - 1;
    for (int gy = 0; gy < grid; ++gy) {
      for (int gx = 0; gx < grid; ++gx) {
        const double qx = (gx + 0.5) * width / grid;
        const double qy = (gy + 0.5) * height / grid;
        int motion = 0;
        double vx = 0, vy = 0;
        for (size_t r = 0; r < rects.size(); ++r) {
          const MovingRect& m = rects[r];
          const double shift = query;  // the rectangle has moved by then
          if (qx >= m.x0 + m.vx * shift && qx < m.x1 + m.vx * shift && qy >= m.y0 + m.vy * shift &&
              qy < m.y1 + m.vy * shift) {
            motion = static_cast<int>(r) + 1;
            vx = m.vx;
            vy = m.vy;
          }
        }
        Track track;
        track.query_frame = query;
        for (int f = 0; f < frames; ++f) {
          const double x = qx + vx * (f - query) + (f == query ? 0.0 : jitter * draws.normal());
          const double y = qy + vy * (f - query) + (f == query ? 0.0 : jitter * draws.normal());
          track.x.push_back(static_cast<float>(x));
          track.y.push_back(static_cast<float>(y));
          track.visible.push_back(x >= 0 && x < width && y >= 0 && y < height ? 1 : 0);
        }
        out.tracks.push_back(std::move(track));
        out.motion.push_back(motion);
      }
    }
  }
  return out;
}

}  // namespace testing_data
}  // namespace tgvc
