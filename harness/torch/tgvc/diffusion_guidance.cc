#include "harness/torch/tgvc/diffusion_guidance.h"

#include <algorithm>
#include <cmath>

#include <torch/autograd.h>

namespace tgvc {
namespace {

// Top-left cell of a window of `size` cells centred on the cell under `pos`, kept inside [0, n).
int64_t window_origin(double pos, double cell, int size, int n) {
  const int64_t centre = static_cast<int64_t>(std::floor(pos / cell));
  return std::clamp<int64_t>(centre - size / 2, 0, n - size);
}

}  // namespace

TrajectoryAlignment::TrajectoryAlignment(const std::vector<DiffusionTrack>& tracks,
                                         const std::vector<double>& start_weight,
                                         const std::vector<double>& end_weight, int frames, int latent_w,
                                         int latent_h, double cell_x, double cell_y, int window)
    : window_x_(std::min(window, latent_w)), window_y_(std::min(window, latent_h)) {
  const int last = frames - 1;
  for (const DiffusionTrack& t : tracks) {
    for (int j = 1; j < last; ++j) {
      if (!t.visible[j]) continue;
      const int64_t wx = window_origin(t.x[j], cell_x, window_x_, latent_w);
      const int64_t wy = window_origin(t.y[j], cell_y, window_y_, latent_h);
      for (const auto& [anchor, weight] : {std::pair{0, start_weight[j]}, std::pair{last, end_weight[j]}}) {
        if (weight <= 0 || !t.visible[anchor]) continue;
        frame_.push_back(j);
        y_.push_back(wy);
        x_.push_back(wx);
        anchor_frame_.push_back(anchor);
        anchor_y_.push_back(window_origin(t.y[anchor], cell_y, window_y_, latent_h));
        anchor_x_.push_back(window_origin(t.x[anchor], cell_x, window_x_, latent_w));
        weights_.push_back(static_cast<float>(weight));
      }
    }
  }
}

at::Tensor TrajectoryAlignment::loss_tensor(const at::Tensor& x0) const {
  const int64_t n = terms();
  const auto opts = at::TensorOptions().dtype(at::kLong);
  auto index = [&](const std::vector<int64_t>& v) { return at::tensor(v, opts).to(x0.device()); };
  const at::Tensor dy = at::arange(window_y_, opts).to(x0.device()).view({1, window_y_, 1});
  const at::Tensor dx = at::arange(window_x_, opts).to(x0.device()).view({1, 1, window_x_});
  // [T, h, w, C]: advanced indexing with [n, 1, 1], [n, wy, 1], [n, 1, wx] gives [n, wy, wx, C].
  const at::Tensor v = x0[0].permute({1, 2, 3, 0});
  const at::Tensor moving = v.index(
      {index(frame_).view({n, 1, 1}), index(y_).view({n, 1, 1}) + dy, index(x_).view({n, 1, 1}) + dx});
  const at::Tensor anchor =
      v.index({index(anchor_frame_).view({n, 1, 1}), index(anchor_y_).view({n, 1, 1}) + dy,
               index(anchor_x_).view({n, 1, 1}) + dx})
          .detach();  // stop-gradient targets
  const at::Tensor w = at::tensor(weights_, at::TensorOptions().dtype(at::kFloat)).to(x0.device());
  return ((moving - anchor).abs() * w.view({n, 1, 1, 1})).sum();
}

double TrajectoryAlignment::loss(const at::Tensor& x0) const {
  if (weights_.empty()) return 0;
  at::NoGradGuard no_grad;
  return loss_tensor(x0).item<double>();
}

at::Tensor TrajectoryAlignment::gradient(const at::Tensor& x0) const {
  if (weights_.empty()) return at::zeros_like(x0);
  at::AutoGradMode enable(true);
  const at::Tensor x = x0.detach().clone().set_requires_grad(true);
  const at::Tensor loss = loss_tensor(x);
  return torch::autograd::grad({loss}, {x})[0].detach();
}

}  // namespace tgvc
