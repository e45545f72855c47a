// DISTS (Ding, Ma, Wang, Simoncelli, "Image Quality Assessment: Unifying Structure and Texture
// Similarity", TPAMI 2020) as its reference implementation (github.com/dingkeyan93/DISTS,
// DISTS_pytorch) computes it: RGB in [0, 1] normalised by the ImageNet mean and std; torchvision's
// VGG16 up to relu5_3 with every max pool replaced by L2 pooling (the squares filtered per channel
// by the normalised 3x3 Hanning window [1 2 1]^T [1 2 1] / 16, stride 2, padding 1, then
// sqrt(. + 1e-12)); six stages: the unnormalised input and relu1_2, relu2_2, relu3_3, relu4_3,
// relu5_3. Per stage and channel the structure term (2 mx my + c1) / (mx^2 + my^2 + c1) and the
// texture term (2 cov + c2) / (vx + vy + c2), c1 = c2 = 1e-6, population statistics over the
// feature map; DISTS = 1 - sum (alpha S1 + beta S2) with alpha and beta divided by their total.
// Features are float32; the statistics and the sum are accumulated in double.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <ATen/ATen.h>

#include "harness/core/frame.h"
#include "harness/core/params.h"
#include "harness/metrics/metric.h"
#include "harness/torch/api/learned_backend.h"
#include "harness/torch/runtime/state_dict_reader.h"

namespace tgvc {

// Channels of the six stages: 3 64 128 256 512 512 (1475 in all, the length of alpha and beta).
std::vector<int64_t> dists_stage_channels();

// Per-channel statistics of two feature maps of equal shape [B, C, H, W]: [B, C, 5] double on the
// CPU holding mean x, mean y, variance x, variance y and covariance (divisor H*W), accumulated in
// double. On the CPU one pass per channel; elsewhere double tensor operations on the device.
at::Tensor dists_channel_moments(const at::Tensor& x, const at::Tensor& y);
// The double tensor-operation path on any device (the CPU loop's reference in the tests).
at::Tensor dists_channel_moments_by_tensors(const at::Tensor& x, const at::Tensor& y);

class DistsNetwork {
 public:
  // `backbone`: a torchvision VGG16 state_dict (features.N.weight / .bias up to N = 28; other keys
  // are ignored); `alpha_beta`: the reference's weights.pt (alpha and beta, [1, 1475, 1, 1]).
  // InputError naming `where` when a tensor is missing or misshapen.
  DistsNetwork(const StateDict& backbone, const StateDict& alpha_beta, const std::string& where);

  // The same architecture with seeded random backbone weights (benchmarks: same cost).
  static DistsNetwork with_random_backbone(uint64_t seed, const StateDict& alpha_beta);

  at::Device device() const { return convs_.front().weight.device(); }
  // A copy whose weights live on `device`.
  DistsNetwork to(const at::Device& device) const;

  // Stage outputs 0 .. count-1 of images x [B, 3, H, W] in [0, 1] (stage 0 is x itself).
  std::vector<at::Tensor> stages(const at::Tensor& x, int count = 6) const;

  // DISTS per image from the moments (dists_channel_moments) of the six stages.
  std::vector<double> scores(const std::vector<at::Tensor>& moments) const;

 private:
  struct Conv {
    at::Tensor weight, bias;
  };
  DistsNetwork(std::vector<Conv> convs, std::vector<at::Tensor> pools, std::vector<double> alpha,
               std::vector<double> beta);

  std::vector<Conv> convs_;           // the 13 convolutions, in order
  std::vector<at::Tensor> pools_;     // the L2 pooling filters before stages 2..5, [C, 1, 3, 3]
  std::vector<double> alpha_, beta_;  // divided by their total, 1475 each
};

// The deep stages (3..5: 21% of the features' memory, two thirds of the network's time) of the
// source frames, made once per sequence and shared by the cells; stages 0..2 are recomputed.
class DistsSource;

// Source features of the leading frames whose deep stages fit in `budget_bytes` (whole batches
// of `batch` frames, so that every frame is computed in the same batch as without them).
std::shared_ptr<const DistsSource> dists_prepare_source(const DistsNetwork& net, const Video& ref, int batch,
                                                        size_t budget_bytes);

// Per-frame DISTS between `ref` and `dist` (checked comparable), `batch` frames per forward pass,
// on the device of `net`. With `source` (made from this `ref`, `net` and `batch`) its frames'
// deep stages are taken from it; the values are bit-identical either way.
std::vector<double> dists_per_frame(const DistsNetwork& net, const Video& ref, const Video& dist, int batch,
                                    const DistsSource* source = nullptr);

// The built-in alpha/beta weights (third_party/dists/weights.pt) and their SHA-256.
const StateDict& dists_builtin_alpha_beta();
const std::string& dists_builtin_alpha_beta_sha256();

// The metric's value `dists` for options device and batch and the VGG16 backbone file (loaded
// once per file and device; n/a with the reason when the file is missing or altered). `prepared`:
// what dists_prepare returned for this source and these options, or null.
std::vector<MetricValue> dists_values(const Video& ref, const Video& dist, const ParamSet& options,
                                      const ModelFile& backbone, const PreparedSource* prepared);
// The source side of dists_values; null when the backbone cannot be loaded (compute says why).
std::shared_ptr<const PreparedSource> dists_prepare(const Video& ref, const ParamSet& options,
                                                    const ModelFile& backbone);

}  // namespace tgvc
