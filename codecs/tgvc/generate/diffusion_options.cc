#include "codecs/tgvc/generate/diffusion_options.h"

namespace tgvc {

const ParamTable<DiffusionOptions>& diffusion_param_table() {
  using O = DiffusionOptions;
  using Row = ParamRow<O>;
  static const EnumNames<GuidanceAlpha> kAlphaNames = {{GuidanceAlpha::kLoopIndex, "loop-index"},
                                                       {GuidanceAlpha::kTimestep, "timestep"}};
  static const ParamTable<O> table({
      Row("diffusion-model", &O::model_dir)
          .help("directory holding vae_encoder.pt, vae_decoder.pt, conditioner.pt and denoiser.pt "
                "(docs/diffusion.md)"),
      Row("diffusion-steps", &O::ddim, &DdimOptions::steps).range(1, 1000).help("DDIM steps"),
      Row("diffusion-eta", &O::ddim, &DdimOptions::eta).range(0, 1).help("DDIM eta (0: deterministic steps)"),
      Row("cfg-scale", &O::cfg_scale)
          .range(0, 100)
          .help("classifier-free guidance scale (1: conditional branch only)"),
      Row("guidance-rescale", &O::guidance_rescale)
          .range(0, 1)
          .help("CFG rescale towards the conditional branch's std (Lin et al. 2023; 0: off)"),
      Row("guidance-strength", &O::ddim, &DdimOptions::guidance_strength)
          .range(0, 10000)
          .help("trajectory guidance eta_g (0: none)"),
      Row("guidance-alpha", &O::ddim, &DdimOptions::guidance_alpha, kAlphaNames)
          .help("where the guidance step reads alpha_bar: at the DDIM loop index (the paper's code) or at "
                "the timestep"),
      Row("dynamic-rescale", &O::ddim, &DdimOptions::base_scale)
          .range(0.01, 1)
          .help("DynamiCrafter's x0 dynamic rescale base scale (1: off)"),
      Row("frame-stride", &O::frame_stride).range(1, 1000).help("the denoiser's frame-stride (fs) input"),
      Row("diffusion-seed", &O::seed).range(0, 2147483647).help("seed of the sampler's noise"),
      Row("diffusion-device", &O::device).choices({"cpu", "cuda"}).help("device of the diffusion models"),
  });
  return table;
}

const std::vector<std::string>& diffusion_option_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out;
    for (const ParamSpec& spec : diffusion_param_table().specs()) out.push_back(spec.key);
    return out;
  }();
  return keys;
}

DiffusionOptions diffusion_options_from(const std::map<std::string, std::string>& options,
                                        const std::string& where) {
  std::map<std::string, std::string> mine;
  for (const std::string& key : diffusion_option_keys()) {
    const auto it = options.find(key);
    if (it != options.end()) mine.insert(*it);
  }
  return diffusion_param_table().parse(mine, where);
}

std::map<std::string, std::string> diffusion_decoder_options(const DiffusionOptions& options) {
  return diffusion_param_table().texts(options);
}

}  // namespace tgvc
