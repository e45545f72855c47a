#include "codecs/tgvc/generate/diffusion_schedule.h"

#include <cmath>

#include "harness/core/error.h"

namespace tgvc {

std::vector<double> zero_snr_alphas_cumprod(int timesteps, double beta_start, double beta_end) {
  std::vector<double> sqrt_bar(timesteps);
  const double a = std::sqrt(beta_start), b = std::sqrt(beta_end);
  double bar = 1;
  for (int t = 0; t < timesteps; ++t) {
    const double s = timesteps > 1 ? a + (b - a) * t / (timesteps - 1) : a;
    bar *= 1 - s * s;
    sqrt_bar[t] = std::sqrt(bar);
  }
  // Shift so that the last is 0, scale so that the first keeps its value.
  const double first = sqrt_bar.front(), last = sqrt_bar.back();
  std::vector<double> out(timesteps);
  for (int t = 0; t < timesteps; ++t) {
    const double s = (sqrt_bar[t] - last) * first / (first - last);
    out[t] = s * s;
  }
  out.back() = 0;  // exactly, as the betas rebuilt from it make it (beta = 1)
  return out;
}

std::vector<int> trailing_timesteps(int steps, int timesteps) {
  const double c = static_cast<double>(timesteps) / steps;
  std::vector<int> out(steps);
  for (int k = 0; k < steps; ++k) {
    // numpy's round: half to even, which nearbyint does in the default rounding mode.
    out[steps - 1 - k] = static_cast<int>(std::nearbyint(timesteps - k * c)) - 1;
  }
  return out;
}

std::vector<DiffusionStep> ddim_steps(const std::vector<double>& ac, const DdimOptions& o) {
  const int total = static_cast<int>(ac.size());
  if (total < 2) throw InputError("diffusion schedule", "at least 2 timesteps", std::to_string(total));
  if (o.steps < 1 || o.steps > total) {
    throw InputError("diffusion schedule", "1.." + std::to_string(total) + " steps", std::to_string(o.steps));
  }
  const std::vector<int> ts = trailing_timesteps(o.steps, total);
  // DynamiCrafter's scale_arr: linspace(1, base_scale, turning_step), then base_scale.
  const auto scale = [&](int t) {
    if (t >= o.turning_step || o.turning_step < 2) return o.base_scale;
    return 1 + (o.base_scale - 1) * t / (o.turning_step - 1);
  };
  std::vector<DiffusionStep> out;
  for (int k = 0; k < o.steps; ++k) {
    const int index = o.steps - 1 - k;  // DynamiCrafter's loop variable
    DiffusionStep s;
    s.timestep = ts[index];
    s.alpha = ac[ts[index]];
    s.alpha_prev = index > 0 ? ac[ts[index - 1]] : ac[0];
    s.sigma = o.eta * std::sqrt((1 - s.alpha_prev) / (1 - s.alpha) * (1 - s.alpha / s.alpha_prev));
    s.x0_rescale = scale(index > 0 ? ts[index - 1] : ts[0]) / scale(ts[index]);
    const double bar = o.guidance_alpha == GuidanceAlpha::kLoopIndex ? ac[index] : s.alpha;
    s.guidance_step = o.guidance_strength * (1 - bar);
    out.push_back(s);
  }
  return out;
}

GuidanceAlpha guidance_alpha_from(const std::string& name, const std::string& where) {
  if (name == "loop-index") return GuidanceAlpha::kLoopIndex;
  if (name == "timestep") return GuidanceAlpha::kTimestep;
  throw InputError(where, "loop-index or timestep", "'" + name + "'");
}

}  // namespace tgvc
