#include "datasets/synthetic/periodic_noise.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace tgvc {
namespace {

constexpr double kTwoPi = 6.283185307179586;

double fade(double t) {
  return t * t * t * (t * (t * 6 - 15) + 10);
}

// Where one texel falls on an octave's lattice along one axis.
struct LatticeStep {
  int i0, i1;   // lattice columns either side (wrapped)
  double f, w;  // offset from i0 in cells, and its faded weight
};

std::vector<LatticeStep> lattice_steps(int size, int cells) {
  std::vector<LatticeStep> steps(size);
  for (int x = 0; x < size; ++x) {
    const double u = (x + 0.5) * cells / size;
    const int i = static_cast<int>(std::floor(u));
    const double f = u - i;
    steps[x] = {i % cells, (i + 1) % cells, f, fade(f)};
  }
  return steps;
}

// Adds amplitude * (one octave of periodic Perlin noise with `cells` cells per period) to `sum`.
void add_octave(Lcg& rng, int size, int cells, double amplitude, bool turbulent, std::vector<double>& sum) {
  std::vector<double> gx(static_cast<size_t>(cells) * cells), gy(gx.size());
  for (size_t i = 0; i < gx.size(); ++i) {
    const double angle = kTwoPi * rng.uniform();
    gx[i] = std::cos(angle);
    gy[i] = std::sin(angle);
  }
  const std::vector<LatticeStep> steps = lattice_steps(size, cells);
  auto dot = [&](int ix, int iy, double dx, double dy) {
    const size_t k = static_cast<size_t>(iy) * cells + ix;
    return gx[k] * dx + gy[k] * dy;
  };
  for (int y = 0; y < size; ++y) {
    const LatticeStep& sy = steps[y];
    double* out = sum.data() + static_cast<size_t>(y) * size;
    for (int x = 0; x < size; ++x) {
      const LatticeStep& sx = steps[x];
      const double n00 = dot(sx.i0, sy.i0, sx.f, sy.f);
      const double n10 = dot(sx.i1, sy.i0, sx.f - 1, sy.f);
      const double n01 = dot(sx.i0, sy.i1, sx.f, sy.f - 1);
      const double n11 = dot(sx.i1, sy.i1, sx.f - 1, sy.f - 1);
      const double top = n00 + sx.w * (n10 - n00);
      const double bottom = n01 + sx.w * (n11 - n01);
      const double n = top + sy.w * (bottom - top);
      out[x] += amplitude * (turbulent ? std::abs(n) : n);
    }
  }
}

}  // namespace

std::vector<float> periodic_noise(Lcg& rng, int size, const NoiseOctaves& octaves) {
  assert(size >= 2 && (size & (size - 1)) == 0);
  std::vector<double> sum(static_cast<size_t>(size) * size, 0.0);
  double amplitude = 1;
  int cells = std::clamp(octaves.coarsest_cells, 1, size / 2);
  for (int o = 0; o < octaves.max_octaves && cells <= size / 2; ++o) {
    add_octave(rng, size, cells, amplitude, octaves.turbulent, sum);
    amplitude *= octaves.persistence;
    cells *= 2;
  }
  double mean = 0;
  for (double v : sum) mean += v;
  mean /= sum.size();
  double var = 0;
  for (double v : sum) var += (v - mean) * (v - mean);
  const double inv_std = var > 0 ? 1 / std::sqrt(var / sum.size()) : 0;
  std::vector<float> table(sum.size());
  for (size_t i = 0; i < sum.size(); ++i) table[i] = static_cast<float>((sum[i] - mean) * inv_std);
  return table;
}

}  // namespace tgvc
