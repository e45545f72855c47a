// The model file a learned metric uses: the manifest's (in the models directory) or the one its
// `model_file` option names. Resolved without LibTorch so that a missing model costs nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/core/params.h"
#include "harness/torch/api/learned_backend.h"

namespace tgvc {

// The file for manifest model `name`, or for options.model_file when set. Returns the file, or
// nullopt with `*why_not` set ("model 'x' missing: run `tgvc-bench models fetch y`", ...).
std::optional<ModelFile> locate_model_file(const std::string& name, const ParamSet& options,
                                           std::string* why_not);

// The files locate_model_file looks at, whether or not they are there: the model_file option's
// file, or the manifest model's place in the models directory and, unless the manifest publishes
// its SHA-256, the FILE.sha256 beside it (its check decides whether the model is used). Empty
// when no models directory can be named.
std::vector<std::string> model_input_files(const std::string& name, const ParamSet& options);

}  // namespace tgvc
