#include "codecs/tgvc/generate/diffusion_options.h"

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "harness/core/error.h"

namespace tgvc {
namespace {

double number(const std::map<std::string, std::string>& m, const std::string& key, double fallback,
              double low, double high, const std::string& where) {
  const auto it = m.find(key);
  if (it == m.end()) return fallback;
  const char* s = it->second.c_str();
  char* end = nullptr;
  const double v = std::strtod(s, &end);
  if (it->second.empty() || *end != '\0' || !std::isfinite(v) || v < low || v > high) {
    throw InputError(where + " " + key, fmt::format("a number in {}..{}", low, high), "'" + it->second + "'");
  }
  return v;
}

int integer(const std::map<std::string, std::string>& m, const std::string& key, int fallback, int low,
            int high, const std::string& where) {
  const double v = number(m, key, fallback, low, high, where);
  if (v != std::floor(v)) throw InputError(where + " " + key, "an integer", m.at(key));
  return static_cast<int>(v);
}

}  // namespace

const std::vector<std::string>& diffusion_option_keys() {
  static const std::vector<std::string> keys = {"diffusion-model", "diffusion-steps",  "diffusion-eta",
                                                "cfg-scale",       "guidance-rescale", "guidance-strength",
                                                "guidance-alpha",  "dynamic-rescale",  "frame-stride",
                                                "diffusion-seed",  "diffusion-device"};
  return keys;
}

DiffusionOptions diffusion_options_from(const std::map<std::string, std::string>& m,
                                        const std::string& where) {
  DiffusionOptions o;
  const auto text = [&](const std::string& key, const std::string& fallback) {
    const auto it = m.find(key);
    return it == m.end() ? fallback : it->second;
  };
  o.model_dir = text("diffusion-model", o.model_dir);
  o.ddim.steps = integer(m, "diffusion-steps", o.ddim.steps, 1, 1000, where);
  o.ddim.eta = number(m, "diffusion-eta", o.ddim.eta, 0, 1, where);
  o.cfg_scale = number(m, "cfg-scale", o.cfg_scale, 0, 100, where);
  o.guidance_rescale = number(m, "guidance-rescale", o.guidance_rescale, 0, 1, where);
  o.ddim.guidance_strength = number(m, "guidance-strength", o.ddim.guidance_strength, 0, 10000, where);
  o.ddim.guidance_alpha =
      guidance_alpha_from(text("guidance-alpha", "loop-index"), where + " guidance-alpha");
  o.ddim.base_scale = number(m, "dynamic-rescale", o.ddim.base_scale, 0.01, 1, where);
  o.frame_stride = integer(m, "frame-stride", o.frame_stride, 1, 1000, where);
  o.seed =
      static_cast<uint32_t>(integer(m, "diffusion-seed", static_cast<int>(o.seed), 0, 2147483647, where));
  o.device = text("diffusion-device", o.device);
  if (o.device != "cpu" && o.device != "cuda") {
    throw InputError(where + " diffusion-device", "cpu or cuda", "'" + o.device + "'");
  }
  return o;
}

std::map<std::string, std::string> diffusion_decoder_options(const DiffusionOptions& o) {
  return {{"diffusion-model", o.model_dir},
          {"diffusion-steps", std::to_string(o.ddim.steps)},
          {"diffusion-eta", fmt::format("{}", o.ddim.eta)},
          {"cfg-scale", fmt::format("{}", o.cfg_scale)},
          {"guidance-rescale", fmt::format("{}", o.guidance_rescale)},
          {"guidance-strength", fmt::format("{}", o.ddim.guidance_strength)},
          {"guidance-alpha", o.ddim.guidance_alpha == GuidanceAlpha::kLoopIndex ? "loop-index" : "timestep"},
          {"dynamic-rescale", fmt::format("{}", o.ddim.base_scale)},
          {"frame-stride", std::to_string(o.frame_stride)},
          {"diffusion-seed", std::to_string(o.seed)},
          {"diffusion-device", o.device}};
}

}  // namespace tgvc
