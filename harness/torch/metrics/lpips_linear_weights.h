// The LPIPS v0.1 linear layers, vendored in third_party/lpips as distributed (legacy torch pickle)
// and compiled into the library, so the metric needs no file beyond its backbone.
#pragma once

#include <string>

#include "harness/torch/metrics/lpips_network.h"
#include "harness/torch/runtime/state_dict_reader.h"

namespace tgvc {

// lin0..lin4 of third_party/lpips/<net>.pth, parsed once.
const StateDict& lpips_linear_state_dict(LpipsNet net);

// SHA-256 of the built-in file (alex df73285e..., vgg a78928a0...).
const std::string& lpips_linear_sha256(LpipsNet net);

}  // namespace tgvc
