// Arithmetic behind SSIM and MS-SSIM on one channel, in double, in two conventions:
//  kVainf  pytorch-msssim (VainF): 1-D Gaussian built in float32, separable 'valid' filtering,
//          relu on cs and on the last scale's ssim, avg_pool2d(2, padding = size % 2) between scales.
//  kDcvc   the DCVC metrics module (MATLAB style): 2-D Gaussian built in float64, 'valid' filtering,
//          no relu, 2x2 box with edge replication between scales, 4 scales below 176 pixels.
// Every function takes a channel either as a Plane (integer samples, the finest scale) or as a
// DoubleImage (the coarser scales); both give the same numbers for the same samples.
#pragma once

#include <string>
#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

enum class SsimConvention { kVainf, kDcvc };

// One channel in double (row-major, stride == width).
struct DoubleImage {
  int width = 0;
  int height = 0;
  std::vector<double> samples;

  const double* row(int y) const { return samples.data() + static_cast<size_t>(y) * width; }
  double at(int x, int y) const { return row(y)[x]; }

  static DoubleImage from_plane(const Plane& plane);
};

// Means of the SSIM map and of the contrast-structure (cs) map at one scale.
struct SsimScaleStats {
  double ssim = 0;
  double cs = 0;
};

inline constexpr int kSsimWindowSize = 11;
inline constexpr double kSsimSigma = 1.5;

// The 11 taps of the 1-D Gaussian (sigma 1.5) each convention filters with. kVainf rounds every
// step to float32 as pytorch-msssim does; kDcvc's 2-D window is the outer product of these taps.
std::vector<double> ssim_gaussian_taps(SsimConvention convention);

// SSIM statistics with K1 = 0.01, K2 = 0.03 over the 'valid' region (no padding). Separable
// filtering, columns then rows. Both images have the same size, at least the window in each side.
SsimScaleStats ssim_stats(const DoubleImage& x, const DoubleImage& y, const std::vector<double>& taps,
                          double data_range);
SsimScaleStats ssim_stats(const Plane& x, const Plane& y, const std::vector<double>& taps, double data_range);

// The same statistics with a direct 2-D window sum per output sample: the slow reference path.
SsimScaleStats ssim_stats_reference(const DoubleImage& x, const DoubleImage& y,
                                    const std::vector<double>& taps, double data_range);

// Halves an image between MS-SSIM scales.
// kVainf: avg_pool2d(kernel 2, stride 2, padding = size % 2, count_include_pad): an odd side is
//         zero-padded on both ends and the padding counts; output side floor(side / 2) + side % 2.
// kDcvc:  2x2 box mean with the last row/column replicated, every second sample; ceil(side / 2).
DoubleImage downsample_2x(const DoubleImage& image, SsimConvention convention);
DoubleImage downsample_2x(const Plane& image, SsimConvention convention);

// A channel's single- or multi-scale value, or why there is none (status n/a).
struct SsimResult {
  bool available = false;
  std::string reason;  // set when !available
  double value = 0;
  std::vector<SsimScaleStats> levels;  // every scale's statistics, finest first
};

// Single-scale SSIM (mean of the SSIM map). n/a when a side is shorter than the window.
SsimResult ssim_channel(const DoubleImage& x, const DoubleImage& y, double data_range,
                        SsimConvention convention);
SsimResult ssim_channel(const Plane& x, const Plane& y, double data_range, SsimConvention convention);

// MS-SSIM. kVainf: 5 scales, needs the shorter side > 160 (pytorch-msssim's assertion).
// kDcvc: 5 scales from 176 pixels, 4 scales (weights 0.0517 0.3295 0.3462 0.2726) from 88; n/a below,
// and n/a when a cs or the last ssim is negative (DCVC's power would give NaN).
SsimResult msssim_channel(const DoubleImage& x, const DoubleImage& y, double data_range,
                          SsimConvention convention);
SsimResult msssim_channel(const Plane& x, const Plane& y, double data_range, SsimConvention convention);

}  // namespace tgvc
