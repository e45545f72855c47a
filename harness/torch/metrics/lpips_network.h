// LPIPS v0.1 (Zhang et al. 2018, the `lpips` package with lpips=True, spatial=False): a torchvision
// AlexNet or VGG16 feature stack (layer indices as torchvision's `features.N`, so that torchvision
// state_dicts load by name), the ScalingLayer, unit normalisation over channels with eps 1e-10 on
// the norm, squared differences weighted per channel by the v0.1 linear layers (1x1 convolutions
// without bias), spatial mean, sum over the five layers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <ATen/ATen.h>

#include "harness/torch/runtime/state_dict_reader.h"

namespace tgvc {

enum class LpipsNet { kAlex, kVgg };

const char* to_string(LpipsNet net);
// Channels of the five tapped layers: alex 64 192 384 256 256; vgg 64 128 256 512 512.
std::vector<int64_t> lpips_layer_channels(LpipsNet net);

// The part after the backbone: feature maps of both images per layer ([B, C_k, H_k, W_k]) and the
// linear weights per layer ([C_k]) give [B, layers] per-layer distances in double on the CPU. The
// spatial mean is summed in a fixed order so that the result does not depend on the thread count.
at::Tensor lpips_layer_distances(const std::vector<at::Tensor>& features0,
                                 const std::vector<at::Tensor>& features1,
                                 const std::vector<at::Tensor>& linear);

class LpipsNetwork {
 public:
  // `backbone`: a torchvision state_dict (features.N.weight / .bias; other keys are ignored);
  // `linear`: the v0.1 linear layers (linK.model.1.weight). InputError naming `where` when a tensor
  // is missing or misshapen.
  LpipsNetwork(LpipsNet net, const StateDict& backbone, const StateDict& linear, const std::string& where);

  // The same architecture with seeded random backbone weights (tests and benchmarks: same cost).
  static LpipsNetwork with_random_backbone(LpipsNet net, uint64_t seed, const StateDict& linear);

  LpipsNet net() const { return net_; }
  // Where the weights are.
  at::Device device() const { return layers_.front().weight.device(); }
  // A copy whose weights live on `device`.
  LpipsNetwork to(const at::Device& device) const;

  // The five tapped feature maps of images scaled by the ScalingLayer; x: [B, 3, H, W] in [-1, 1].
  std::vector<at::Tensor> features(const at::Tensor& x) const;

  // Per-layer distances [B, 5] (double, CPU) between images in [-1, 1] of equal shape [B, 3, H, W];
  // each goes through the backbone as a batch of its own.
  at::Tensor layer_distances(const at::Tensor& in0, const at::Tensor& in1) const;
  // The same from the two images' features().
  at::Tensor layer_distances(const std::vector<at::Tensor>& features0,
                             const std::vector<at::Tensor>& features1) const {
    return lpips_layer_distances(features0, features1, linear_);
  }

 private:
  struct Layer {
    enum Kind { kConv, kRelu, kMaxPool } kind = kRelu;
    at::Tensor weight, bias;
    int64_t stride = 1, padding = 0, kernel = 1;
  };
  LpipsNetwork(LpipsNet net, std::vector<Layer> layers, std::vector<at::Tensor> linear);

  LpipsNet net_;
  std::vector<Layer> layers_;
  std::vector<size_t> taps_;  // indices of the layers whose outputs are compared
  std::vector<at::Tensor> linear_;
};

}  // namespace tgvc
