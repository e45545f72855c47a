#include "harness/torch/metrics/lpips_network.h"

#include <cmath>

#include <ATen/CPUGeneratorImpl.h>
#include <fmt/format.h>

#include "harness/core/error.h"

namespace tgvc {
namespace {

// torchvision's feature stacks: (kind, out channels, kernel, stride, padding) per index.
struct Spec {
  char kind;  // 'c' conv, 'r' relu, 'm' max pool
  int64_t out = 0, kernel = 0, stride = 1, padding = 0;
};

std::vector<Spec> specs(LpipsNet net) {
  if (net == LpipsNet::kAlex) {
    return {{'c', 64, 11, 4, 2},
            {'r'},
            {'m', 0, 3, 2},
            {'c', 192, 5, 1, 2},
            {'r'},
            {'m', 0, 3, 2},
            {'c', 384, 3, 1, 1},
            {'r'},
            {'c', 256, 3, 1, 1},
            {'r'},
            {'c', 256, 3, 1, 1},
            {'r'}};
  }
  std::vector<Spec> out;
  for (int64_t v : {64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512}) {
    if (v == 0) {
      out.push_back({'m', 0, 2, 2});
    } else {
      out.push_back({'c', v, 3, 1, 1});
      out.push_back({'r'});
    }
  }
  return out;
}

// Layer indices after which LPIPS taps the features (the ends of its five slices).
std::vector<size_t> tap_indices(LpipsNet net) {
  if (net == LpipsNet::kAlex) return {1, 4, 7, 9, 11};
  return {3, 8, 15, 22, 29};
}

// The ScalingLayer's constants.
const float kShift[3] = {-.030f, -.088f, -.188f};
const float kScale[3] = {.458f, .448f, .450f};

std::vector<at::Tensor> load_linear(LpipsNet net, const StateDict& linear) {
  std::vector<at::Tensor> out;
  const std::vector<int64_t> channels = lpips_layer_channels(net);
  for (size_t k = 0; k < channels.size(); ++k) {
    const std::string key = fmt::format("lin{}.model.1.weight", k);
    out.push_back(
        require_tensor(linear, key, {1, channels[k], 1, 1}, "LPIPS v0.1 linear layers").reshape({-1}));
  }
  return out;
}

}  // namespace

const char* to_string(LpipsNet net) {
  return net == LpipsNet::kAlex ? "alex" : "vgg";
}

std::vector<int64_t> lpips_layer_channels(LpipsNet net) {
  if (net == LpipsNet::kAlex) return {64, 192, 384, 256, 256};
  return {64, 128, 256, 512, 512};
}

at::Tensor lpips_layer_distances(const std::vector<at::Tensor>& features0,
                                 const std::vector<at::Tensor>& features1,
                                 const std::vector<at::Tensor>& linear) {
  const int64_t batch = features0.at(0).size(0);
  at::Tensor out = at::zeros({batch, static_cast<int64_t>(features0.size())}, at::kDouble);
  auto acc = out.accessor<double, 2>();
  for (size_t k = 0; k < features0.size(); ++k) {
    const at::Tensor& f0 = features0[k];
    const at::Tensor& f1 = features1[k];
    const at::Tensor n0 = f0 / (f0.pow(2).sum(1, true).sqrt() + 1e-10);
    const at::Tensor n1 = f1 / (f1.pow(2).sum(1, true).sqrt() + 1e-10);
    const at::Tensor w = linear[k].to(f0.device()).view({1, -1, 1, 1});
    // [B, H, W] weighted channel sums, then the spatial mean summed sequentially in double.
    const at::Tensor weighted = ((n0 - n1).pow(2) * w).sum(1).to(at::kCPU).contiguous();
    const int64_t area = weighted.size(1) * weighted.size(2);
    const float* data = weighted.data_ptr<float>();
    for (int64_t b = 0; b < batch; ++b) {
      double sum = 0;
      for (int64_t i = 0; i < area; ++i) sum += data[b * area + i];
      acc[b][static_cast<int64_t>(k)] = sum / static_cast<double>(area);
    }
  }
  return out;
}

LpipsNetwork::LpipsNetwork(LpipsNet net, std::vector<Layer> layers, std::vector<at::Tensor> linear)
    : net_(net), layers_(std::move(layers)), taps_(tap_indices(net)), linear_(std::move(linear)) {}

LpipsNetwork::LpipsNetwork(LpipsNet net, const StateDict& backbone, const StateDict& linear,
                           const std::string& where)
    : net_(net), taps_(tap_indices(net)), linear_(load_linear(net, linear)) {
  int64_t in = 3;
  const std::vector<Spec> all = specs(net);
  for (size_t i = 0; i < all.size(); ++i) {
    const Spec& s = all[i];
    Layer layer;
    layer.kind = s.kind == 'c' ? Layer::kConv : s.kind == 'r' ? Layer::kRelu : Layer::kMaxPool;
    layer.kernel = s.kernel;
    layer.stride = s.stride;
    layer.padding = s.padding;
    if (s.kind == 'c') {
      layer.weight = require_tensor(backbone, fmt::format("features.{}.weight", i),
                                    {s.out, in, s.kernel, s.kernel}, where);
      layer.bias = require_tensor(backbone, fmt::format("features.{}.bias", i), {s.out}, where);
      in = s.out;
    }
    layers_.push_back(std::move(layer));
  }
}

LpipsNetwork LpipsNetwork::with_random_backbone(LpipsNet net, uint64_t seed, const StateDict& linear) {
  at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  StateDict backbone;
  int64_t in = 3;
  const std::vector<Spec> all = specs(net);
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].kind != 'c') continue;
    const Spec& s = all[i];
    // He initialisation keeps activations in range through the stack.
    const double std = std::sqrt(2.0 / static_cast<double>(in * s.kernel * s.kernel));
    backbone.emplace_back(
        fmt::format("features.{}.weight", i),
        at::normal(0.0, std, {s.out, in, s.kernel, s.kernel}, gen, at::TensorOptions(at::kFloat)));
    backbone.emplace_back(fmt::format("features.{}.bias", i),
                          at::normal(0.0, 0.01, {s.out}, gen, at::TensorOptions(at::kFloat)));
    in = s.out;
  }
  return LpipsNetwork(net, backbone, linear, "random backbone");
}

LpipsNetwork LpipsNetwork::to(const at::Device& device) const {
  std::vector<Layer> layers = layers_;
  for (Layer& l : layers) {
    if (l.weight.defined()) l.weight = l.weight.to(device);
    if (l.bias.defined()) l.bias = l.bias.to(device);
  }
  std::vector<at::Tensor> linear;
  for (const at::Tensor& w : linear_) linear.push_back(w.to(device));
  return LpipsNetwork(net_, std::move(layers), std::move(linear));
}

std::vector<at::Tensor> LpipsNetwork::features(const at::Tensor& x) const {
  const at::Tensor shift = at::tensor(at::ArrayRef<float>(kShift, 3)).to(x.device()).view({1, 3, 1, 1});
  const at::Tensor scale = at::tensor(at::ArrayRef<float>(kScale, 3)).to(x.device()).view({1, 3, 1, 1});
  at::Tensor h = (x - shift) / scale;
  std::vector<at::Tensor> taps;
  for (size_t i = 0; i <= taps_.back(); ++i) {
    const Layer& l = layers_[i];
    switch (l.kind) {
      case Layer::kConv:
        h = at::conv2d(h, l.weight, l.bias, {l.stride, l.stride}, {l.padding, l.padding});
        break;
      case Layer::kRelu:
        h = at::relu(h);
        break;
      case Layer::kMaxPool:
        h = at::max_pool2d(h, {l.kernel, l.kernel}, {l.stride, l.stride});
        break;
    }
    for (size_t t : taps_) {
      if (t == i) taps.push_back(h);
    }
  }
  return taps;
}

at::Tensor LpipsNetwork::layer_distances(const at::Tensor& in0, const at::Tensor& in1) const {
  // Separate passes, so that a source's features computed once (lpips_prepare_source) are those
  // computed here.
  return lpips_layer_distances(features(in0), features(in1), linear_);
}

}  // namespace tgvc
