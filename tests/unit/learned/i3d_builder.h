// A random-weights Inception-I3D (Carreira and Zisserman 2017; the Kinetics-400 network that the
// FVD detector file holds) written as TorchScript from C++: the same layers, kernel sizes, strides,
// TF "same" padding and 400 logits, with batch norm folded into a per-channel scale and shift. Its
// cost is the real detector's, so benchmarks and tests can run the FVD path without the weights.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include <ATen/CPUGeneratorImpl.h>
#include <fmt/format.h>
#include <torch/script.h>

namespace tgvc::learned_test {

namespace i3d_detail {

struct Builder {
  torch::jit::Module module{"__torch__.RandomInceptionI3d"};
  at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(1234);
  std::string code;

  // A convolution unit (conv, folded batch norm, ReLU) named `name`; returns its TorchScript call.
  std::string unit(const std::string& name, const std::string& input, int64_t in, int64_t out,
                   std::vector<int64_t> k, std::vector<int64_t> s = {1, 1, 1}) {
    const double std = std::sqrt(2.0 / static_cast<double>(in * k[0] * k[1] * k[2]));
    module.register_parameter(name + "_w", at::normal(0.0, std, {out, in, k[0], k[1], k[2]}, gen), false);
    module.register_parameter(name + "_scale", at::ones({out}), false);
    module.register_parameter(name + "_shift", at::zeros({out}), false);
    return fmt::format("self.unit({0}, self.{1}_w, self.{1}_scale, self.{1}_shift, [{2}, {3}, {4}])", input,
                       name, s[0], s[1], s[2]);
  }

  // An Inception block: 1x1; 1x1 -> 3x3; 1x1 -> 3x3; 3x3x3 max pool -> 1x1. Returns out channels.
  int64_t mixed(const std::string& name, int64_t in, const std::vector<int64_t>& c) {
    code += fmt::format("    b0 = {}\n", unit(name + "_b0", "x", in, c[0], {1, 1, 1}));
    code += fmt::format("    b1 = {}\n", unit(name + "_b1b", unit(name + "_b1a", "x", in, c[1], {1, 1, 1}),
                                              c[1], c[2], {3, 3, 3}));
    code += fmt::format("    b2 = {}\n", unit(name + "_b2b", unit(name + "_b2a", "x", in, c[3], {1, 1, 1}),
                                              c[3], c[4], {3, 3, 3}));
    code += fmt::format("    b3 = {}\n",
                        unit(name + "_b3b", "self.pool(x, [3, 3, 3], [1, 1, 1])", in, c[5], {1, 1, 1}));
    code += "    x = torch.cat([b0, b1, b2, b3], 1)\n";
    return c[0] + c[2] + c[4] + c[5];
  }
};

}  // namespace i3d_detail

inline void save_random_i3d(const std::string& path) {
  i3d_detail::Builder b;
  b.code += fmt::format("    x = {}\n", b.unit("Conv3d_1a_7x7", "x", 3, 64, {7, 7, 7}, {2, 2, 2}));
  b.code += "    x = self.pool(x, [1, 3, 3], [1, 2, 2])\n";
  b.code += fmt::format("    x = {}\n", b.unit("Conv3d_2b_1x1", "x", 64, 64, {1, 1, 1}));
  b.code += fmt::format("    x = {}\n", b.unit("Conv3d_2c_3x3", "x", 64, 192, {3, 3, 3}));
  b.code += "    x = self.pool(x, [1, 3, 3], [1, 2, 2])\n";
  int64_t c = b.mixed("Mixed_3b", 192, {64, 96, 128, 16, 32, 32});
  c = b.mixed("Mixed_3c", c, {128, 128, 192, 32, 96, 64});
  b.code += "    x = self.pool(x, [3, 3, 3], [2, 2, 2])\n";
  c = b.mixed("Mixed_4b", c, {192, 96, 208, 16, 48, 64});
  c = b.mixed("Mixed_4c", c, {160, 112, 224, 24, 64, 64});
  c = b.mixed("Mixed_4d", c, {128, 128, 256, 24, 64, 64});
  c = b.mixed("Mixed_4e", c, {112, 144, 288, 32, 64, 64});
  c = b.mixed("Mixed_4f", c, {256, 160, 320, 32, 128, 128});
  b.code += "    x = self.pool(x, [2, 2, 2], [2, 2, 2])\n";
  c = b.mixed("Mixed_5b", c, {256, 160, 320, 32, 128, 128});
  c = b.mixed("Mixed_5c", c, {384, 192, 384, 48, 128, 128});
  b.module.register_parameter("logits_w", at::normal(0.0, 0.01, {400, c, 1, 1, 1}, b.gen), false);
  b.module.register_parameter("logits_b", at::zeros({400}), false);
  b.module.define(R"(
def pad_amount(self, size: int, k: int, s: int) -> int:
    if size % s == 0:
        return max(k - s, 0)
    return max(k - size % s, 0)

def same(self, x: Tensor, k: List[int], s: List[int]) -> Tensor:
    pt = self.pad_amount(x.size(2), k[0], s[0])
    ph = self.pad_amount(x.size(3), k[1], s[1])
    pw = self.pad_amount(x.size(4), k[2], s[2])
    return torch.constant_pad_nd(x, [pw // 2, pw - pw // 2, ph // 2, ph - ph // 2, pt // 2, pt - pt // 2], 0.0)

def unit(self, x: Tensor, w: Tensor, scale: Tensor, shift: Tensor, s: List[int]) -> Tensor:
    k = [w.size(2), w.size(3), w.size(4)]
    y = torch.conv3d(self.same(x, k, s), w, None, s)
    return torch.relu(y * scale.view(1, -1, 1, 1, 1) + shift.view(1, -1, 1, 1, 1))

def pool(self, x: Tensor, k: List[int], s: List[int]) -> Tensor:
    return torch.max_pool3d(self.same(x, k, s), k, s)

def forward(self, x: Tensor, rescale: bool = False, resize: bool = False, return_features: bool = False) -> Tensor:
    if rescale:
        x = x.float() / 127.5 - 1.0
    if resize:
        x = torch.upsample_trilinear3d(x, [x.size(2), 224, 224], False, None, None, None)
)" + b.code + R"(    x = torch.avg_pool3d(x, [2, 7, 7], [1, 1, 1])
    x = torch.conv3d(x, self.logits_w, self.logits_b)
    logits = x.squeeze(4).squeeze(3).mean(2)
    if return_features:
        return logits
    return torch.softmax(logits, 1)
)");
  b.module.save(path);
}

}  // namespace tgvc::learned_test
