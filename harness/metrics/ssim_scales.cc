// Downsampling between scales and the single- and multi-scale values of one channel.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "harness/metrics/ssim_kernels.h"

namespace tgvc {
namespace {

constexpr std::array<double, 5> kWeights5 = {0.0448, 0.2856, 0.3001, 0.2363, 0.1333};
// DCVC (after HM) for images whose shorter side is below 176.
constexpr std::array<double, 4> kWeights4 = {0.0517, 0.3295, 0.3462, 0.2726};

template <class Image>
std::string size_text(const Image& image) {
  return std::to_string(image.width) + "x" + std::to_string(image.height);
}

SsimResult not_available(std::string reason) {
  SsimResult r;
  r.available = false;
  r.reason = std::move(reason);
  return r;
}

template <class Image>
DoubleImage downsample(const Image& image, SsimConvention convention) {
  DoubleImage out;
  const bool vainf = convention == SsimConvention::kVainf;
  // Source index of output i's first tap: avg_pool2d's zero padding shifts odd sides by one.
  const int pad_x = vainf ? image.width % 2 : 0;
  const int pad_y = vainf ? image.height % 2 : 0;
  out.width = vainf ? image.width / 2 + pad_x : (image.width + 1) / 2;
  out.height = vainf ? image.height / 2 + pad_y : (image.height + 1) / 2;
  out.samples.resize(static_cast<size_t>(out.width) * out.height);
  // A row or column outside the image is zero (kVainf: nullptr rows) or the nearest edge (kDcvc).
  const auto source_row = [&](int sy) -> decltype(image.row(0)) {
    if (sy >= 0 && sy < image.height) return image.row(sy);
    return vainf ? nullptr : image.row(image.height - 1);
  };
  const auto tap = [&](decltype(image.row(0)) row, int sx) -> double {
    if (row == nullptr) return 0.0;
    if (sx >= 0 && sx < image.width) return row[sx];
    return vainf ? 0.0 : row[image.width - 1];
  };
  // Outputs [first_inner, end_inner) of a row read two columns inside the image.
  const int first_inner = pad_x;
  const int end_inner = (image.width + pad_x) / 2;
  for (int oy = 0; oy < out.height; ++oy) {
    const auto r0 = source_row(2 * oy - pad_y);
    const auto r1 = source_row(2 * oy - pad_y + 1);
    double* o = out.samples.data() + static_cast<size_t>(oy) * out.width;
    const auto edge = [&](int ox) {
      const int sx = 2 * ox - pad_x;
      o[ox] = (tap(r0, sx) + tap(r0, sx + 1) + tap(r1, sx) + tap(r1, sx + 1)) / 4;
    };
    if (r0 == nullptr || r1 == nullptr) {
      for (int ox = 0; ox < out.width; ++ox) edge(ox);
      continue;
    }
    for (int ox = 0; ox < first_inner; ++ox) edge(ox);
    for (int ox = first_inner; ox < end_inner; ++ox) {
      const int sx = 2 * ox - pad_x;
      o[ox] = (static_cast<double>(r0[sx]) + r0[sx + 1] + r1[sx] + r1[sx + 1]) / 4;
    }
    for (int ox = end_inner; ox < out.width; ++ox) edge(ox);
  }
  return out;
}

template <class Image>
SsimResult single_scale(const Image& x, const Image& y, double data_range, SsimConvention convention) {
  if (x.width < kSsimWindowSize || x.height < kSsimWindowSize) {
    return not_available("SSIM needs both sides >= " + std::to_string(kSsimWindowSize) +
                         " pixels, image is " + size_text(x));
  }
  SsimResult r;
  r.available = true;
  r.levels.push_back(ssim_stats(x, y, ssim_gaussian_taps(convention), data_range));
  r.value = r.levels[0].ssim;
  return r;
}

template <class Image>
SsimResult multi_scale(const Image& x, const Image& y, double data_range, SsimConvention convention) {
  const int shorter = std::min(x.width, x.height);
  std::vector<double> weights;
  if (convention == SsimConvention::kVainf) {
    // pytorch-msssim asserts smaller_side > (win_size - 1) * 2^4.
    const int needed = (kSsimWindowSize - 1) * 16;
    if (shorter <= needed) {
      return not_available("MS-SSIM (vainf, 5 scales) needs the shorter side > " + std::to_string(needed) +
                           " pixels, image is " + size_text(x));
    }
    weights.assign(kWeights5.begin(), kWeights5.end());
  } else if (shorter < 88) {
    return not_available("MS-SSIM (dcvc) needs the shorter side >= 88 pixels, image is " + size_text(x));
  } else if (shorter < 176) {
    weights.assign(kWeights4.begin(), kWeights4.end());
  } else {
    weights.assign(kWeights5.begin(), kWeights5.end());
  }
  const std::vector<double> taps = ssim_gaussian_taps(convention);
  const int levels = static_cast<int>(weights.size());
  SsimResult r;
  r.levels.push_back(ssim_stats(x, y, taps, data_range));
  DoubleImage a = downsample(x, convention);
  DoubleImage b = downsample(y, convention);
  for (int level = 1; level < levels; ++level) {
    r.levels.push_back(ssim_stats(a, b, taps, data_range));
    if (level + 1 < levels) {
      a = downsample(a, convention);
      b = downsample(b, convention);
    }
  }
  double value = 1;
  for (int level = 0; level < levels; ++level) {
    const bool last = level + 1 == levels;
    double term = last ? r.levels[level].ssim : r.levels[level].cs;
    if (term < 0) {
      if (convention == SsimConvention::kDcvc) {
        return not_available("MS-SSIM (dcvc) is undefined: negative " + std::string(last ? "ssim" : "cs") +
                             " at scale " + std::to_string(level) + " (DCVC's formula gives NaN)");
      }
      term = 0;  // pytorch-msssim's relu
    }
    value *= std::pow(term, weights[level]);
  }
  r.available = true;
  r.value = value;
  return r;
}

}  // namespace

DoubleImage downsample_2x(const DoubleImage& image, SsimConvention convention) {
  return downsample(image, convention);
}

DoubleImage downsample_2x(const Plane& image, SsimConvention convention) {
  return downsample(image, convention);
}

SsimResult ssim_channel(const DoubleImage& x, const DoubleImage& y, double data_range,
                        SsimConvention convention) {
  return single_scale(x, y, data_range, convention);
}

SsimResult ssim_channel(const Plane& x, const Plane& y, double data_range, SsimConvention convention) {
  return single_scale(x, y, data_range, convention);
}

SsimResult msssim_channel(const DoubleImage& x, const DoubleImage& y, double data_range,
                          SsimConvention convention) {
  return multi_scale(x, y, data_range, convention);
}

SsimResult msssim_channel(const Plane& x, const Plane& y, double data_range, SsimConvention convention) {
  return multi_scale(x, y, data_range, convention);
}

}  // namespace tgvc
