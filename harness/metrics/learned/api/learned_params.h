// Option tables of the learned metrics (config validation, `tgvc-bench list --verbose`, docs).
#pragma once

#include <vector>

#include "harness/core/params.h"

namespace tgvc {

const std::vector<ParamSpec>& lpips_param_specs();
const std::vector<ParamSpec>& dists_param_specs();
const std::vector<ParamSpec>& clipsim_param_specs();
const std::vector<ParamSpec>& fvd_param_specs();

}  // namespace tgvc
