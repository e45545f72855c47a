#include "harness/metrics/psnr_pooling.h"

#include <limits>

#include "harness/metrics/psnr_kernels.h"

namespace tgvc {

double mean_of(const std::vector<double>& values) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  double sum = 0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

double yuv611_psnr(double psnr_y, double psnr_u, double psnr_v) {
  return (6 * psnr_y + psnr_u + psnr_v) / 8;
}

double yuv411_psnr(double psnr_y, double psnr_u, double psnr_v) {
  return (4 * psnr_y + psnr_u + psnr_v) / 6;
}

double sample_weighted_mse(double mse_y, double mse_u, double mse_v, double samples_y, double samples_u,
                           double samples_v) {
  return (mse_y * samples_y + mse_u * samples_u + mse_v * samples_v) / (samples_y + samples_u + samples_v);
}

double psnr_of_mean_mse(const std::vector<double>& mse_per_frame, double peak) {
  if (mse_per_frame.empty()) return std::numeric_limits<double>::quiet_NaN();
  return psnr_from_mse(mean_of(mse_per_frame), peak);
}

}  // namespace tgvc
