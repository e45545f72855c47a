// The TorchScript image embedder behind TorchScriptEmbedder: an OpenCLIP-style image tower whose
// preprocessing is CLIP-SIM's (harness/torch/runtime/clip_preprocess.h), so that one exported tower
// serves the metric and T-GVC, and is loaded once when both run in one process.
#pragma once

#include <memory>
#include <string>

#include "harness/torch/api/tgvc_torch_backend.h"

namespace tgvc {

std::shared_ptr<const TorchEmbedderModel> load_torch_embedder(const TorchModelFile& file,
                                                              const std::string& device);

}  // namespace tgvc
