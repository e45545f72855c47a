// Which way is better for a reported value. Used by BD metrics, reports and the regression gate.
#pragma once

#include <string>

namespace tgvc {

// False for distortions where lower is better (lpips*, fvd*, trajectory_error*) and for rate
// (bits*, bpp, kbps); true for quality (psnr*, ssim*, msssim*, clip*, ...), the trajectory
// metric's shares included (trajectory_delta_avg, trajectory_within_*, trajectory_followed_share).
bool metric_higher_is_better(const std::string& name);

// True for the rate columns: bits, bpp, kbps and the per-component bits_*.
bool is_rate_value(const std::string& name);

}  // namespace tgvc
