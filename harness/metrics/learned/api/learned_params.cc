#include "harness/metrics/learned/api/learned_params.h"

#include "harness/metrics/learned/learned_backend.h"

namespace tgvc {
namespace {

ParamSpec choice(const char* key, const char* value, std::vector<std::string> choices, const char* help) {
  ParamSpec s;
  s.key = key;
  s.type = ParamType::kString;
  s.default_value = value;
  s.choices = std::move(choices);
  s.help = help;
  return s;
}

ParamSpec integer(const char* key, int value, int min, int max, const char* help, const char* unit) {
  ParamSpec s;
  s.key = key;
  s.type = ParamType::kInt;
  s.default_value = std::to_string(value);
  s.min = min;
  s.max = max;
  s.help = help;
  s.unit = unit;
  return s;
}

ParamSpec device() {
  return choice(learned_keys::kDevice, "cpu", {"cpu", "cuda"},
                "where the network runs; cuda needs a LibTorch built with CUDA and a visible GPU");
}

ParamSpec model_file(const char* what) {
  ParamSpec s;
  s.key = learned_keys::kModelFile;
  s.type = ParamType::kString;
  s.help = what;
  return s;
}

}  // namespace

const std::vector<ParamSpec>& lpips_param_specs() {
  static const std::vector<ParamSpec> specs = {
      choice(learned_keys::kNet, "alex", {"alex", "vgg"},
             "backbone: torchvision AlexNet (lpips_alex, the paper's) or VGG16 (lpips_vgg)"),
      device(),
      integer(learned_keys::kBatch, 4, 1, 256, "frames per forward pass (memory grows with it)", "frames"),
      model_file("backbone weights (a torchvision state_dict .pth) to use instead of the manifest's "
                 "lpips-<net>-backbone; its SHA-256 is reported, not checked"),
  };
  return specs;
}

const std::vector<ParamSpec>& dists_param_specs() {
  static const std::vector<ParamSpec> specs = {
      device(),
      integer(learned_keys::kBatch, 4, 1, 256, "frames per forward pass (memory grows with it)", "frames"),
      model_file("VGG16 backbone weights (a torchvision state_dict .pth) to use instead of the manifest's "
                 "lpips-vgg-backbone; its SHA-256 is reported, not checked"),
  };
  return specs;
}

const std::vector<ParamSpec>& clipsim_param_specs() {
  static const std::vector<ParamSpec> specs = {
      device(),
      integer(learned_keys::kBatch, 8, 1, 256, "frames per forward pass", "frames"),
      model_file("TorchScript image tower to use instead of the manifest's openclip-vit-h-14-image; "
                 "its SHA-256 is reported, not checked"),
  };
  return specs;
}

const std::vector<ParamSpec>& fvd_param_specs() {
  static const std::vector<ParamSpec> specs = {
      choice(learned_keys::kProtocol, "stylegan-v", {"stylegan-v", "common-metrics"},
             "stylegan-v: 8-bit frames, the detector rescales and resizes to 224x224 itself; common-metrics: "
             "shorter side to 224 (bilinear), centre crop, [-1, 1] (docs/learned-metrics.md)"),
      integer(learned_keys::kClipLength, 16, 2, 1024, "frames per clip", "frames"),
      integer(learned_keys::kClipStride, 0, 0, 1024, "frames between clip starts; 0: the clip length",
              "frames"),
      choice(learned_keys::kCovariance, "protocol", {"protocol", "n", "n-1"},
             "covariance divisor: the protocol's (stylegan-v N, common-metrics N-1), or N, or N-1"),
      device(),
      integer(learned_keys::kBatch, 4, 1, 256, "clips per forward pass", "clips"),
      model_file("TorchScript I3D detector to use instead of the manifest's i3d-kinetics400; its SHA-256 is "
                 "reported, not checked"),
  };
  return specs;
}

}  // namespace tgvc
