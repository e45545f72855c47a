// The four TorchScript modules of the diffusion generator, loaded once per process per file digest
// and device, each call checked against its contract (docs/diffusion.md, "Call contract"). A
// module that breaks it (an exception, another shape or type, non-finite values) is an InputError
// naming the module's setting and file.
#pragma once

#include <memory>
#include <string>

#include <ATen/ATen.h>

#include "harness/torch/api/tgvc_torch_backend.h"

namespace torch::jit {
struct Module;
}

namespace tgvc {

// Latents are scaled by this before sampling and divided by it before decoding (LDM/DynamiCrafter).
inline constexpr double kLatentScaleFactor = 0.18215;

class DiffusionModules {
 public:
  // InputError for a bad device, a digest that differs from a file's .sha256, or a file that is
  // not TorchScript.
  DiffusionModules(const DiffusionModelFiles& files, const std::string& device);

  const at::Device& device() const { return device_; }
  std::string digests() const;

  // images [N, 3, H, W] in [-1, 1] -> unscaled latents [N, 4, H/8, W/8].
  at::Tensor encode(const at::Tensor& images) const;
  // unscaled latents [N, 4, h, w] -> images [N, 3, 8h, 8w] (clamped to [-1, 1]).
  at::Tensor decode(const at::Tensor& latents) const;
  // image [1, 3, H, W] in [-1, 1] -> context [1, L, D].
  at::Tensor condition(const at::Tensor& image) const;
  // (x [B, 4, T, h, w], t int64 [B], context [B, L, D], concat [B, 4, T, h, w], fs int64 [B])
  // -> v prediction [B, 4, T, h, w].
  at::Tensor denoise(const at::Tensor& x, const at::Tensor& t, const at::Tensor& context,
                     const at::Tensor& concat, const at::Tensor& fs) const;

 private:
  struct Loaded {
    std::shared_ptr<const torch::jit::Module> module;
    std::string sha256;
    std::string where;  // "tgvc diffusion-model vae_encoder DIR/vae_encoder.pt"
  };
  static Loaded load(const TorchModelFile& file, const at::Device& device);
  static at::Tensor call(const Loaded& m, std::vector<c10::IValue> inputs, const char* contract);

  at::Device device_;
  Loaded vae_encoder_;
  Loaded vae_decoder_;
  Loaded conditioner_;
  Loaded denoiser_;
};

}  // namespace tgvc
