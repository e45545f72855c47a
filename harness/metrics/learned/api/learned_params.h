// Option tables of the learned metrics (config validation, `tgvc-bench list --verbose`, docs).
// The options cross into libtgvc_torch.so as the resolved ParamSet under the same keys
// (learned_keys), so names the backend reads stay texts here.
#pragma once

#include <string>
#include <vector>

#include "harness/core/param_table.h"

namespace tgvc {

struct LpipsOptions {
  std::string net = "alex";  // alex | vgg: also names the manifest's backbone, lpips-<net>-backbone
  std::string device = "cpu";
  int batch = 4;           // frames per forward pass
  std::string model_file;  // empty: the manifest's
};

struct DistsOptions {
  std::string device = "cpu";
  int batch = 4;           // frames per forward pass
  std::string model_file;  // empty: the manifest's lpips-vgg-backbone
};

struct ClipsimOptions {
  std::string device = "cpu";
  int batch = 8;
  std::string model_file;
};

struct FvdOptions {
  std::string protocol = "stylegan-v";
  int clip_length = 16;
  int clip_stride = 0;  // 0: the clip length
  std::string covariance = "protocol";
  std::string device = "cpu";
  int batch = 4;  // clips per forward pass
  std::string model_file;
};

const ParamTable<LpipsOptions>& lpips_option_table();
const ParamTable<DistsOptions>& dists_option_table();
const ParamTable<ClipsimOptions>& clipsim_option_table();
const ParamTable<FvdOptions>& fvd_option_table();

// A learned metric's prepared-source key: every resolved option (net, device, batch, model file
// all shape the source's features), as key=value pairs.
std::string prepared_source_key_of(const ParamSet& resolved);

const std::vector<ParamSpec>& lpips_param_specs();
const std::vector<ParamSpec>& dists_param_specs();
const std::vector<ParamSpec>& clipsim_param_specs();
const std::vector<ParamSpec>& fvd_param_specs();

}  // namespace tgvc
