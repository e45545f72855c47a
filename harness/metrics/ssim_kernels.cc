// The Gaussian window and the per-scale SSIM statistics.
#include "harness/metrics/ssim_kernels.h"

#include <array>
#include <cassert>
#include <cmath>
#include <type_traits>

#include "harness/core/vector_clones.h"

namespace tgvc {
namespace {

constexpr double kK1 = 0.01;
constexpr double kK2 = 0.03;

// The five Gaussian-weighted moments of one output sample.
struct Moments {
  double x = 0, y = 0, xx = 0, yy = 0, xy = 0;
};

// One output sample's SSIM and cs, in pytorch-msssim's order of operations.
inline void ssim_sample(const Moments& m, double c1, double c2, double* ssim, double* cs) {
  const double mu1_sq = m.x * m.x;
  const double mu2_sq = m.y * m.y;
  const double mu1_mu2 = m.x * m.y;
  const double sigma1_sq = m.xx - mu1_sq;
  const double sigma2_sq = m.yy - mu2_sq;
  const double sigma12 = m.xy - mu1_mu2;
  *cs = (2 * sigma12 + c2) / (sigma1_sq + sigma2_sq + c2);
  *ssim = ((2 * mu1_mu2 + c1) / (mu1_sq + mu2_sq + c1)) * *cs;
}

double c1_of(double data_range) {
  return (kK1 * data_range) * (kK1 * data_range);
}
double c2_of(double data_range) {
  return (kK2 * data_range) * (kK2 * data_range);
}

SsimScaleStats means(SsimScaleStats sums, int out_width, int out_height) {
  const double n = static_cast<double>(out_width) * out_height;
  return {sums.ssim / n, sums.cs / n};
}

// Per output row: the five moments filtered down the columns (v*), then along the row, then the
// SSIM and cs maps. Each output sums its taps in order k = 0..n-1 whatever the blocking, so the
// result does not depend on the vector width; blocks of kBlock samples keep the accumulators in
// registers. `Image` is a Plane or a DoubleImage: samples become double as they are read.
template <class Image>
TGVC_INLINE_INTO_CLONES SsimScaleStats filtered_stats(const Image& x, const Image& y,
                                                      const std::vector<double>& taps, double data_range) {
  using Sample = std::remove_cv_t<std::remove_pointer_t<decltype(x.row(0))>>;
  const int n = static_cast<int>(taps.size());
  const int w = x.width;
  const int out_w = x.width - n + 1;
  const int out_h = x.height - n + 1;
  assert(x.width == y.width && x.height == y.height && out_w > 0 && out_h > 0);
  const double c1 = c1_of(data_range);
  const double c2 = c2_of(data_range);
  const double* g = taps.data();
  constexpr int kBlock = 8;
  std::vector<double> vx(w), vy(w), vxx(w), vyy(w), vxy(w);
  std::vector<double> ssim_row(out_w), cs_row(out_w);
  std::vector<const Sample*> xr(n), yr(n);
  SsimScaleStats sums;
  for (int r = 0; r < out_h; ++r) {
    for (int k = 0; k < n; ++k) {
      xr[k] = x.row(r + k);
      yr[k] = y.row(r + k);
    }
    int c0 = 0;
    for (; c0 + kBlock <= w; c0 += kBlock) {
      double mx[kBlock] = {}, my[kBlock] = {}, mxx[kBlock] = {}, myy[kBlock] = {}, mxy[kBlock] = {};
      for (int k = 0; k < n; ++k) {
        for (int j = 0; j < kBlock; ++j) {
          const double a = xr[k][c0 + j];
          const double b = yr[k][c0 + j];
          mx[j] += g[k] * a;
          my[j] += g[k] * b;
          mxx[j] += g[k] * (a * a);
          myy[j] += g[k] * (b * b);
          mxy[j] += g[k] * (a * b);
        }
      }
      for (int j = 0; j < kBlock; ++j) {
        vx[c0 + j] = mx[j];
        vy[c0 + j] = my[j];
        vxx[c0 + j] = mxx[j];
        vyy[c0 + j] = myy[j];
        vxy[c0 + j] = mxy[j];
      }
    }
    for (int c = c0; c < w; ++c) {
      Moments m;
      for (int k = 0; k < n; ++k) {
        const double a = xr[k][c];
        const double b = yr[k][c];
        m.x += g[k] * a;
        m.y += g[k] * b;
        m.xx += g[k] * (a * a);
        m.yy += g[k] * (b * b);
        m.xy += g[k] * (a * b);
      }
      vx[c] = m.x, vy[c] = m.y, vxx[c] = m.xx, vyy[c] = m.yy, vxy[c] = m.xy;
    }
    c0 = 0;
    for (; c0 + kBlock <= out_w; c0 += kBlock) {
      double mx[kBlock] = {}, my[kBlock] = {}, mxx[kBlock] = {}, myy[kBlock] = {}, mxy[kBlock] = {};
      for (int k = 0; k < n; ++k) {
        for (int j = 0; j < kBlock; ++j) {
          mx[j] += g[k] * vx[c0 + j + k];
          my[j] += g[k] * vy[c0 + j + k];
          mxx[j] += g[k] * vxx[c0 + j + k];
          myy[j] += g[k] * vyy[c0 + j + k];
          mxy[j] += g[k] * vxy[c0 + j + k];
        }
      }
      for (int j = 0; j < kBlock; ++j) {
        ssim_sample({mx[j], my[j], mxx[j], myy[j], mxy[j]}, c1, c2, &ssim_row[c0 + j], &cs_row[c0 + j]);
      }
    }
    for (int c = c0; c < out_w; ++c) {
      Moments m;
      for (int k = 0; k < n; ++k) {
        m.x += g[k] * vx[c + k];
        m.y += g[k] * vy[c + k];
        m.xx += g[k] * vxx[c + k];
        m.yy += g[k] * vyy[c + k];
        m.xy += g[k] * vxy[c + k];
      }
      ssim_sample(m, c1, c2, &ssim_row[c], &cs_row[c]);
    }
    for (int c = 0; c < out_w; ++c) {
      sums.ssim += ssim_row[c];
      sums.cs += cs_row[c];
    }
  }
  return means(sums, out_w, out_h);
}

}  // namespace

DoubleImage DoubleImage::from_plane(const Plane& plane) {
  DoubleImage image;
  image.width = plane.width;
  image.height = plane.height;
  image.samples.assign(plane.samples.begin(), plane.samples.end());
  return image;
}

std::vector<double> ssim_gaussian_taps(SsimConvention convention) {
  const int half = kSsimWindowSize / 2;
  std::vector<double> taps(kSsimWindowSize);
  if (convention == SsimConvention::kVainf) {
    // torch.arange(11, dtype=float) - 5; exp(-(c^2) / (2 sigma^2)); g /= g.sum(): float32 taps.
    // The sum is rounded to float32 once (torch's CPU reduction gives that value here; a plain
    // float loop is one ulp lower, which moves SSIM by ~2e-6 because E[x^2] - mu^2 amplifies it).
    std::array<float, kSsimWindowSize> g{};
    const float two_sigma_sq = static_cast<float>(2 * kSsimSigma * kSsimSigma);
    double exact_sum = 0;
    for (int i = 0; i < kSsimWindowSize; ++i) {
      const float c = static_cast<float>(i - half);
      g[i] = std::exp(-(c * c) / two_sigma_sq);
      exact_sum += g[i];
    }
    const float sum = static_cast<float>(exact_sum);
    for (int i = 0; i < kSsimWindowSize; ++i) taps[i] = static_cast<double>(g[i] / sum);
  } else {
    // DCVC's fspecial_gauss in float64 is exp(-(x^2 + y^2) / (2 sigma^2)) / sum: the outer product
    // of this normalised 1-D window with itself.
    double sum = 0;
    for (int i = 0; i < kSsimWindowSize; ++i) {
      const double c = i - half;
      taps[i] = std::exp(-(c * c) / (2 * kSsimSigma * kSsimSigma));
      sum += taps[i];
    }
    for (double& t : taps) t /= sum;
  }
  return taps;
}

TGVC_VECTOR_CLONES SsimScaleStats ssim_stats(const DoubleImage& x, const DoubleImage& y,
                                             const std::vector<double>& taps, double data_range) {
  return filtered_stats(x, y, taps, data_range);
}

TGVC_VECTOR_CLONES SsimScaleStats ssim_stats(const Plane& x, const Plane& y, const std::vector<double>& taps,
                                             double data_range) {
  return filtered_stats(x, y, taps, data_range);
}

SsimScaleStats ssim_stats_reference(const DoubleImage& x, const DoubleImage& y,
                                    const std::vector<double>& taps, double data_range) {
  const int n = static_cast<int>(taps.size());
  const int out_w = x.width - n + 1;
  const int out_h = x.height - n + 1;
  assert(x.width == y.width && x.height == y.height && out_w > 0 && out_h > 0);
  SsimScaleStats sums;
  for (int r = 0; r < out_h; ++r) {
    for (int c = 0; c < out_w; ++c) {
      Moments m;
      for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
          const double g = taps[i] * taps[j];
          const double a = x.at(c + j, r + i);
          const double b = y.at(c + j, r + i);
          m.x += g * a;
          m.y += g * b;
          m.xx += g * a * a;
          m.yy += g * b * b;
          m.xy += g * a * b;
        }
      }
      double ssim = 0, cs = 0;
      ssim_sample(m, c1_of(data_range), c2_of(data_range), &ssim, &cs);
      sums.ssim += ssim;
      sums.cs += cs;
    }
  }
  return means(sums, out_w, out_h);
}

}  // namespace tgvc
