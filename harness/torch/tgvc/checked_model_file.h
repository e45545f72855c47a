// The one check T-GVC's TorchScript models (embedder, tracker, diffusion modules) get before they
// are loaded: the file exists and matches the SHA-256 recorded beside it.
#pragma once

#include <string>

#include "harness/torch/api/tgvc_torch_backend.h"

namespace tgvc {

// The file's SHA-256. A file gone or altered since the config was read is an InputError naming
// the setting (file.where) and the .sha256 file, not a ModelUnavailable: T-GVC has no n/a.
std::string verify_tgvc_model_file(const TorchModelFile& file);

}  // namespace tgvc
