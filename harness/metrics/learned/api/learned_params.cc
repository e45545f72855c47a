#include "harness/metrics/learned/api/learned_params.h"

#include "harness/torch/api/learned_backend.h"

namespace tgvc {
namespace {

// The rows every learned metric has, for whichever options struct holds them.
template <class S>
ParamRow<S> device_row() {
  return ParamRow<S>(learned_keys::kDevice, &S::device)
      .choices({"cpu", "cuda"})
      .help("where the network runs; cuda needs a LibTorch built with CUDA and a visible GPU");
}

template <class S>
ParamRow<S> model_file_row(const char* what) {
  return ParamRow<S>(learned_keys::kModelFile, &S::model_file).help(what);
}

}  // namespace

const ParamTable<LpipsOptions>& lpips_option_table() {
  using O = LpipsOptions;
  static const ParamTable<O> table({
      ParamRow<O>(learned_keys::kNet, &O::net)
          .choices({"alex", "vgg"})
          .help("backbone: torchvision AlexNet (lpips_alex, the paper's) or VGG16 (lpips_vgg)"),
      device_row<O>(),
      ParamRow<O>(learned_keys::kBatch, &O::batch)
          .range(1, 256)
          .help("frames per forward pass (memory grows with it)")
          .unit("frames"),
      model_file_row<O>("backbone weights (a torchvision state_dict .pth) to use instead of the manifest's "
                        "lpips-<net>-backbone; its SHA-256 is reported, not checked"),
  });
  return table;
}

const ParamTable<DistsOptions>& dists_option_table() {
  using O = DistsOptions;
  static const ParamTable<O> table({
      device_row<O>(),
      ParamRow<O>(learned_keys::kBatch, &O::batch)
          .range(1, 256)
          .help("frames per forward pass (memory grows with it)")
          .unit("frames"),
      model_file_row<O>("VGG16 backbone weights (a torchvision state_dict .pth) to use instead of the "
                        "manifest's lpips-vgg-backbone; its SHA-256 is reported, not checked"),
  });
  return table;
}

const ParamTable<ClipsimOptions>& clipsim_option_table() {
  using O = ClipsimOptions;
  static const ParamTable<O> table({
      device_row<O>(),
      ParamRow<O>(learned_keys::kBatch, &O::batch)
          .range(1, 256)
          .help("frames per forward pass")
          .unit("frames"),
      model_file_row<O>("TorchScript image tower to use instead of the manifest's openclip-vit-h-14-image; "
                        "its SHA-256 is reported, not checked"),
  });
  return table;
}

const ParamTable<FvdOptions>& fvd_option_table() {
  using O = FvdOptions;
  static const ParamTable<O> table({
      ParamRow<O>(learned_keys::kProtocol, &O::protocol)
          .choices({"stylegan-v", "common-metrics"})
          .help("stylegan-v: 8-bit frames, the detector rescales and resizes to 224x224 itself; "
                "common-metrics: shorter side to 224 (bilinear), centre crop, [-1, 1] "
                "(docs/learned-metrics.md)"),
      ParamRow<O>(learned_keys::kClipLength, &O::clip_length)
          .range(2, 1024)
          .help("frames per clip")
          .unit("frames"),
      ParamRow<O>(learned_keys::kClipStride, &O::clip_stride)
          .range(0, 1024)
          .help("frames between clip starts; 0: the clip length")
          .unit("frames"),
      ParamRow<O>(learned_keys::kCovariance, &O::covariance)
          .choices({"protocol", "n", "n-1"})
          .help("covariance divisor: the protocol's (stylegan-v N, common-metrics N-1), or N, or N-1"),
      device_row<O>(),
      ParamRow<O>(learned_keys::kBatch, &O::batch).range(1, 256).help("clips per forward pass").unit("clips"),
      model_file_row<O>("TorchScript I3D detector to use instead of the manifest's i3d-kinetics400; its "
                        "SHA-256 is reported, not checked"),
  });
  return table;
}

std::string prepared_source_key_of(const ParamSet& resolved) {
  std::string key;
  for (const auto& [name, value] : resolved.values()) key += (key.empty() ? "" : " ") + name + "=" + value;
  return key;
}

const std::vector<ParamSpec>& lpips_param_specs() {
  return lpips_option_table().specs();
}

const std::vector<ParamSpec>& dists_param_specs() {
  return dists_option_table().specs();
}

const std::vector<ParamSpec>& clipsim_param_specs() {
  return clipsim_option_table().specs();
}

const std::vector<ParamSpec>& fvd_param_specs() {
  return fvd_option_table().specs();
}

}  // namespace tgvc
