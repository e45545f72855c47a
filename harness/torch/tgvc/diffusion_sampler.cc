#include "harness/torch/tgvc/diffusion_sampler.h"

#include <algorithm>
#include <cmath>

#include <ATen/CPUGeneratorImpl.h>
#include <fmt/format.h>

#include "harness/core/error.h"
#include "harness/torch/runtime/torch_runtime.h"
#include "harness/torch/tgvc/diffusion_guidance.h"
#include "harness/torch/tgvc/diffusion_modules.h"

namespace tgvc {
namespace {

constexpr const char* kWhere = "diffusion pass";
// The largest latent video one pass may hold (frames x latent cells): 64 times the paper's
// 16 x 64 x 40, so that a request cannot make the sampler allocate without bound.
constexpr int64_t kMaxLatentCells = int64_t{64} * 16 * 64 * 40;

void check_request(const DiffusionPassRequest& r) {
  const auto rgb = [](const Frame& f) {
    return f.format.family == ColourFamily::kRgb && f.format.chroma == ChromaFormat::k444 &&
           f.format.bit_depth >= 1 && f.format.bit_depth <= 16 && f.width() > 0 && f.height() > 0;
  };
  if (!rgb(r.first) || !rgb(r.last) || r.first.width() != r.last.width() ||
      r.first.height() != r.last.height() || r.first.format != r.last.format) {
    throw InputError(kWhere, "two RGB 4:4:4 condition frames of one size and bit depth");
  }
  if (r.frames < 2 || r.frames > 64) throw InputError(kWhere, "2..64 frames", std::to_string(r.frames));
  const int64_t cells = int64_t{r.frames} * ((r.first.width() + 7) / 8) * ((r.first.height() + 7) / 8);
  if (cells > kMaxLatentCells) {
    throw InputError(kWhere, fmt::format("at most {} latent cells per pass", kMaxLatentCells),
                     fmt::format("{} frames of {}x{}", r.frames, r.first.width(), r.first.height()));
  }
  if (r.steps.empty() || r.steps.size() > 1000) {
    throw InputError(kWhere, "1..1000 steps", std::to_string(r.steps.size()));
  }
  for (const DiffusionStep& s : r.steps) {
    const bool ok = s.timestep >= 0 && s.timestep < 1000 && s.alpha >= 0 && s.alpha <= 1 &&
                    s.alpha_prev >= 0 && s.alpha_prev <= 1 && s.sigma >= 0 &&
                    s.sigma * s.sigma <= 1 - s.alpha_prev + 1e-9 && std::isfinite(s.x0_rescale) &&
                    std::isfinite(s.guidance_step) && s.guidance_step >= 0;
    if (!ok)
      throw InputError(kWhere, "a DDIM step table (0 <= t < 1000, alphas in [0, 1], sigma^2 <= 1 - a_prev)");
  }
  if (r.start_weight.size() != static_cast<size_t>(r.frames) ||
      r.end_weight.size() != r.start_weight.size()) {
    throw InputError(kWhere, "one start and one end weight per frame");
  }
  if (r.window < 1) throw InputError(kWhere, "a window of at least 1 cell", std::to_string(r.window));
  for (const DiffusionTrack& t : r.tracks) {
    if (t.x.size() != static_cast<size_t>(r.frames) || t.y.size() != t.x.size() ||
        t.visible.size() != t.x.size()) {
      throw InputError(kWhere, "tracks with one position and visibility per frame");
    }
    for (int j = 0; j < r.frames; ++j) {
      if (t.visible[j] && !(std::isfinite(t.x[j]) && std::isfinite(t.y[j]))) {
        throw InputError(kWhere, "finite track positions");
      }
    }
  }
}

// RGB frame -> [1, 3, H, W] in [-1, 1].
at::Tensor image_tensor(const Frame& f) {
  const int64_t w = f.width(), h = f.height();
  at::Tensor out = at::empty({1, 3, h, w}, at::kFloat);
  float* d = out.data_ptr<float>();
  const float scale = 2.0f / static_cast<float>(f.max_value());
  for (int c = 0; c < 3; ++c) {
    for (const uint16_t s : f.planes[c].samples) *d++ = static_cast<float>(s) * scale - 1.0f;
  }
  return out;
}

// [3, H, W] in [-1, 1] on the CPU -> an RGB frame of `format`.
Frame image_frame(const at::Tensor& image, const PixelFormat& format) {
  const at::Tensor x = image.contiguous();
  Frame f = Frame::allocate(static_cast<int>(x.size(2)), static_cast<int>(x.size(1)), format);
  const float* s = x.data_ptr<float>();
  const float max = static_cast<float>(f.max_value());
  for (int c = 0; c < 3; ++c) {
    for (uint16_t& d : f.planes[c].samples) {
      d = static_cast<uint16_t>(std::lround(std::clamp((*s++ + 1.0f) * 0.5f, 0.0f, 1.0f) * max));
    }
  }
  return f;
}

at::Tensor resized(const at::Tensor& images, int64_t h, int64_t w) {
  if (images.size(2) == h && images.size(3) == w) return images;
  return at::upsample_bilinear2d(images, {h, w}, false);
}

// Lin et al. 2023, section 3.4: move the CFG output's std towards the conditional branch's.
at::Tensor rescale_cfg(const at::Tensor& v, const at::Tensor& v_cond, double rescale) {
  if (rescale <= 0) return v;
  const at::Tensor ratio = v_cond.std() / v.std().clamp_min(1e-12);
  return rescale * (v * ratio) + (1 - rescale) * v;
}

class ScriptedDiffusion final : public TorchDiffusionModel {
 public:
  ScriptedDiffusion(const DiffusionModelFiles& files, const std::string& device) : modules_(files, device) {}

  std::string digests() const override { return modules_.digests(); }

  DiffusionPassResult sample(const DiffusionPassRequest& r) const override {
    check_request(r);
    init_torch_threads();
    at::NoGradGuard no_grad;
    const at::Device dev = modules_.device();
    const int64_t width = r.first.width(), height = r.first.height();
    // The model works on multiples of 8 pixels: other sizes are resized to the next ones up.
    const int64_t mw = (width + 7) / 8 * 8, mh = (height + 7) / 8 * 8;
    const int64_t lw = mw / 8, lh = mh / 8, frames = r.frames;

    const at::Tensor conditions =
        resized(at::cat({image_tensor(r.first), image_tensor(r.last)}), mh, mw).to(dev);
    const at::Tensor latents = modules_.encode(conditions) * kLatentScaleFactor;  // [2, 4, lh, lw]
    at::Tensor concat = at::zeros({1, 4, frames, lh, lw}, latents.options());
    concat.select(2, 0).copy_(latents[0]);
    concat.select(2, frames - 1).copy_(latents[1]);
    const at::Tensor context = modules_.condition(conditions.narrow(0, 0, 1));
    const bool cfg = r.cfg_scale != 1.0;
    at::Tensor batch_context = context, batch_concat = concat;
    if (cfg) {
      // DynamiCrafter's unconditional branch: the image embedding of a black (zero) image, the
      // same concatenated latents.
      const at::Tensor uncond = modules_.condition(at::zeros_like(conditions.narrow(0, 0, 1)));
      if (uncond.sizes() != context.sizes()) {
        throw InputError(kWhere,
                         "the conditioning encoder's context shape " + shape_text(context.sizes()) +
                             " for the zero image of the unconditional branch",
                         shape_text(uncond.sizes()));
      }
      batch_context = at::cat({context, uncond});
      batch_concat = at::cat({concat, concat});
    }
    const int64_t batch = cfg ? 2 : 1;
    const at::Tensor fs = at::full({batch}, r.frame_stride, at::TensorOptions().dtype(at::kLong)).to(dev);

    const TrajectoryAlignment alignment(r.tracks, r.start_weight, r.end_weight, r.frames,
                                        static_cast<int>(lw), static_cast<int>(lh), 8.0 * width / mw,
                                        8.0 * height / mh, r.window);
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(r.seed);
    const std::vector<int64_t> shape = {1, 4, frames, lh, lw};
    at::Tensor z = at::randn(shape, gen, at::TensorOptions().dtype(at::kFloat)).to(dev);
    at::Tensor x0_prev;
    DiffusionPassResult result;
    for (const DiffusionStep& s : r.steps) {
      if (x0_prev.defined() && s.guidance_step > 0) z = z - s.guidance_step * alignment.gradient(x0_prev);
      const at::Tensor t = at::full({batch}, s.timestep, at::TensorOptions().dtype(at::kLong)).to(dev);
      const at::Tensor out = modules_.denoise(cfg ? at::cat({z, z}) : z, t, batch_context, batch_concat, fs);
      at::Tensor v = out.narrow(0, 0, 1);
      if (cfg)
        v = rescale_cfg(out[1].unsqueeze(0) + r.cfg_scale * (v - out[1].unsqueeze(0)), v, r.guidance_rescale);
      const double sa = std::sqrt(s.alpha), sb = std::sqrt(1 - s.alpha);
      const at::Tensor x0 = (sa * z - sb * v) * s.x0_rescale;
      const at::Tensor eps = sa * v + sb * z;
      const at::Tensor noise = at::randn(shape, gen, at::TensorOptions().dtype(at::kFloat)).to(dev);
      z = std::sqrt(s.alpha_prev) * x0 +
          std::sqrt(std::max(0.0, 1 - s.alpha_prev - s.sigma * s.sigma)) * eps + s.sigma * noise;
      result.alignment_loss.push_back(alignment.loss(x0));
      x0_prev = x0;
    }
    result.sample_alignment_loss = alignment.loss(z);

    const at::Tensor decoded_latents =
        (z[0].transpose(0, 1) / kLatentScaleFactor).contiguous();  // [T, 4, lh, lw]
    for (int64_t j = 0; j < frames; ++j) {
      const at::Tensor image = resized(modules_.decode(decoded_latents.narrow(0, j, 1)), height, width);
      result.frames.push_back(image_frame(image[0].to(at::kCPU), r.first.format));
    }
    return result;
  }

 private:
  DiffusionModules modules_;
};

}  // namespace

std::shared_ptr<const TorchDiffusionModel> load_torch_diffusion(const DiffusionModelFiles& files,
                                                                const std::string& device) {
  init_torch_threads();
  return std::make_shared<ScriptedDiffusion>(files, device);
}

}  // namespace tgvc
