// Checks done before LibTorch is loaded, so that a wrong setting costs nothing and reads the same
// in a build without LibTorch: the model file a T-GVC stage setting names, and the frames handed
// to the models.
#pragma once

#include <string>

#include "harness/core/frame.h"
#include "harness/torch/api/tgvc_torch_backend.h"

namespace tgvc {

// What a stage setting offers besides a file, for messages.
struct TorchModelSetting {
  std::string where;           // the setting, e.g. "tgvc embedder"
  std::string builtin;         // the built-in choice, e.g. "thumbnail"
  std::string manifest_model;  // the paper's model in `tgvc-bench models`, e.g. "cotracker3-offline"
};

// The file at `path` with the digest recorded in PATH.sha256 (sha256sum format) when that exists.
// InputError (where = setting.where) when `path` is not a readable regular file (the message names
// it and the commands that fetch and locate the paper's model) or PATH.sha256 is malformed.
TorchModelFile torch_model_file(const std::string& path, const TorchModelSetting& setting);

// InputError naming `where` unless the frame's bit depth is 1..16, RGB is 4:4:4 and every plane
// holds the samples its size says (the models index samples directly).
void check_frame_planes(const Frame& frame, const std::string& where);

}  // namespace tgvc
