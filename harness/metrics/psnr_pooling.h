// How per-plane, per-frame PSNRs and MSEs become one number (docs/metrics.md, "PSNR").
#pragma once

#include <vector>

namespace tgvc {

// Arithmetic mean; NaN for an empty list.
double mean_of(const std::vector<double>& values);

// (6 Y + U + V) / 8 of PSNRs: the weighting of DCVC and JVET common test conditions.
double yuv611_psnr(double psnr_y, double psnr_u, double psnr_v);

// (4 Y + U + V) / 6 of PSNRs: CompressAI's video evaluation.
double yuv411_psnr(double psnr_y, double psnr_u, double psnr_v);

// HM/VTM "YUV-PSNR" weighting: the MSE of all samples of the frame, i.e. the plane MSEs weighted by
// their sample counts (4:1:1 for 4:2:0, 2:1:1 for 4:2:2, 1:1:1 for 4:4:4).
double sample_weighted_mse(double mse_y, double mse_u, double mse_v, double samples_y, double samples_u,
                           double samples_v);

// Sequence value from per-frame MSEs: PSNR of their mean ("_msepool"), capped like a frame.
double psnr_of_mean_mse(const std::vector<double>& mse_per_frame, double peak);

}  // namespace tgvc
