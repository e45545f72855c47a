#include "harness/torch/tgvc/diffusion_modules.h"

#include <map>
#include <mutex>
#include <tuple>

#include <fmt/format.h>
#include <torch/script.h>

#include "harness/core/error.h"
#include "harness/torch/runtime/torch_runtime.h"
#include "harness/torch/tgvc/checked_model_file.h"

namespace tgvc {
namespace {

constexpr const char* kEncoderContract =
    "a VAE encoder: forward(images [N, 3, H, W] in [-1, 1]) -> latents [N, 4, H/8, W/8] (docs/diffusion.md)";
constexpr const char* kDecoderContract =
    "a VAE decoder: forward(latents [N, 4, h, w]) -> images [N, 3, 8h, 8w] in [-1, 1] (docs/diffusion.md)";
constexpr const char* kConditionerContract =
    "a conditioning encoder: forward(image [1, 3, H, W] in [-1, 1]) -> context [1, L, D] (docs/diffusion.md)";
constexpr const char* kDenoiserContract =
    "a denoiser: forward(x [B, 4, T, h, w], t [B], context [B, L, D], concat [B, 4, T, h, w], fs [B]) -> "
    "v [B, 4, T, h, w] (docs/diffusion.md)";

void expect_shape(const at::Tensor& out, const std::vector<int64_t>& shape, const std::string& where,
                  const char* contract) {
  if (!out.is_floating_point() || out.sizes() != at::IntArrayRef(shape)) {
    throw InputError(
        where, fmt::format("{}; here {} (floating point)", contract, shape_text(shape)),
        fmt::format("{} of shape {}", c10::toString(out.scalar_type()), shape_text(out.sizes())));
  }
  if (!at::isfinite(out).all().item<bool>()) throw InputError(where, contract, "non-finite values");
}

}  // namespace

DiffusionModules::Loaded DiffusionModules::load(const TorchModelFile& file, const at::Device& device) {
  Loaded out;
  out.where = file.where + " " + file.path;
  out.sha256 = verify_tgvc_model_file(file);
  using Key = std::tuple<std::string, std::string, std::string>;
  static std::mutex mutex;
  static std::map<Key, std::shared_ptr<const torch::jit::Module>> cache;
  const Key key{file.path, out.sha256, device.str()};
  std::lock_guard<std::mutex> lock(mutex);  // loads are rare; one at a time keeps memory bounded
  const auto it = cache.find(key);
  if (it != cache.end()) {
    out.module = it->second;
    return out;
  }
  auto module = std::make_shared<torch::jit::Module>();
  try {
    *module = torch::jit::load(file.path, device);
  } catch (const c10::Error& e) {
    throw InputError(out.where, "a TorchScript file (torch.jit.save)", e.what_without_backtrace());
  }
  module->eval();
  cache[key] = module;
  out.module = module;
  return out;
}

DiffusionModules::DiffusionModules(const DiffusionModelFiles& files, const std::string& device)
    : device_(parse_device(device, files.device_where)),
      vae_encoder_(load(files.vae_encoder, device_)),
      vae_decoder_(load(files.vae_decoder, device_)),
      conditioner_(load(files.conditioner, device_)),
      denoiser_(load(files.denoiser, device_)) {}

std::string DiffusionModules::digests() const {
  return fmt::format("vae_encoder {}, vae_decoder {}, conditioner {}, denoiser {}",
                     vae_encoder_.sha256.substr(0, 12), vae_decoder_.sha256.substr(0, 12),
                     conditioner_.sha256.substr(0, 12), denoiser_.sha256.substr(0, 12));
}

at::Tensor DiffusionModules::call(const Loaded& m, std::vector<c10::IValue> inputs, const char* contract) {
  c10::IValue result;
  try {
    // Running a method does not change the module; the JIT allows concurrent calls.
    auto& module = const_cast<torch::jit::Module&>(*m.module);
    result = module.get_method("forward")(std::move(inputs));
  } catch (const c10::Error& e) {
    throw InputError(m.where, contract, e.what_without_backtrace());
  } catch (const std::exception& e) {  // e.g. a TorchScript assert (JITException)
    throw InputError(m.where, contract, e.what());
  }
  if (!result.isTensor()) throw InputError(m.where, contract, result.tagKind());
  return result.toTensor();
}

at::Tensor DiffusionModules::encode(const at::Tensor& images) const {
  const at::Tensor out = call(vae_encoder_, {images}, kEncoderContract);
  expect_shape(out, {images.size(0), 4, images.size(2) / 8, images.size(3) / 8}, vae_encoder_.where,
               kEncoderContract);
  return out.to(at::kFloat);
}

at::Tensor DiffusionModules::decode(const at::Tensor& latents) const {
  const at::Tensor out = call(vae_decoder_, {latents}, kDecoderContract);
  expect_shape(out, {latents.size(0), 3, latents.size(2) * 8, latents.size(3) * 8}, vae_decoder_.where,
               kDecoderContract);
  return out.to(at::kFloat).clamp(-1, 1);
}

at::Tensor DiffusionModules::condition(const at::Tensor& image) const {
  const at::Tensor out = call(conditioner_, {image}, kConditionerContract);
  if (out.dim() != 3 || out.size(0) != 1 || out.size(1) < 1 || out.size(2) < 1) {
    throw InputError(
        conditioner_.where, kConditionerContract,
        fmt::format("{} of shape {}", c10::toString(out.scalar_type()), shape_text(out.sizes())));
  }
  expect_shape(out, out.sizes().vec(), conditioner_.where, kConditionerContract);
  return out.to(at::kFloat);
}

at::Tensor DiffusionModules::denoise(const at::Tensor& x, const at::Tensor& t, const at::Tensor& context,
                                     const at::Tensor& concat, const at::Tensor& fs) const {
  const at::Tensor out = call(denoiser_, {x, t, context, concat, fs}, kDenoiserContract);
  expect_shape(out, x.sizes().vec(), denoiser_.where, kDenoiserContract);
  return out.to(at::kFloat);
}

}  // namespace tgvc
