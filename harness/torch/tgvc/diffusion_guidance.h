// T-GVC's training-free trajectory alignment (DESIGN 4, decoder): an L1 loss between the latent
// window at each trajectory point of frame j and the stop-gradient window at the trajectory's
// start in frame 0 (weight start_weight[j]) and at its end in the last frame (end_weight[j]),
// summed over tracks, frames and window elements; and its gradient with respect to an x0
// prediction.
#pragma once

#include <vector>

#include <ATen/ATen.h>

#include "harness/torch/api/diffusion_request.h"

namespace tgvc {

// The loss terms of one pass, gathered once: for each term the frame and top-left latent cell of
// the moving window and of its anchor window, and the term's weight. Windows are `window` cells
// square (at most the latent size), centred on floor(position / cell) and shifted inside the
// grid. A term exists where the track is visible in frame j and in the anchor frame and the
// weight is positive.
class TrajectoryAlignment {
 public:
  // cell_x, cell_y: source pixels per latent cell along each axis (8 at the model's size).
  TrajectoryAlignment(const std::vector<DiffusionTrack>& tracks, const std::vector<double>& start_weight,
                      const std::vector<double>& end_weight, int frames, int latent_w, int latent_h,
                      double cell_x, double cell_y, int window);

  int64_t terms() const { return static_cast<int64_t>(weights_.size()); }

  // The loss for x0 [1, C, T, h, w] (0 without terms).
  double loss(const at::Tensor& x0) const;
  // d loss / d x0, the shape of x0 (zeros without terms).
  at::Tensor gradient(const at::Tensor& x0) const;

 private:
  at::Tensor loss_tensor(const at::Tensor& x0) const;

  int window_x_ = 5;
  int window_y_ = 5;
  std::vector<int64_t> frame_, y_, x_;  // moving windows
  std::vector<int64_t> anchor_frame_, anchor_y_, anchor_x_;
  std::vector<float> weights_;
};

}  // namespace tgvc
