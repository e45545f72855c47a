// Model files are checked by SHA-256 before they are loaded (once per process per file version).
// A missing or altered file is not an exception to the caller's caller: the metric turns
// ModelUnavailable into n/a values carrying its message, which says how to fix it.
#pragma once

#include <string>

#include "harness/core/error.h"
#include "harness/torch/api/model_file.h"

namespace tgvc {

class ModelUnavailable : public Error {
 public:
  explicit ModelUnavailable(const std::string& reason) : Error(reason) {}
};

// "model 'lpips-alex-backbone' missing: run `tgvc-bench models fetch lpips-alex`" and its kin.
std::string missing_model_reason(const ModelFile& model);

// The file's SHA-256 after checking it exists and (when `model.sha256` is set) matches. Throws
// ModelUnavailable otherwise. Results are remembered per path, size and modification time.
std::string verify_model_file(const ModelFile& model);

}  // namespace tgvc
