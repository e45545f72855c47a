#include "harness/torch/tgvc/checked_model_file.h"

#include "harness/core/error.h"
#include "harness/torch/runtime/model_check.h"

namespace tgvc {

std::string verify_tgvc_model_file(const TorchModelFile& file) {
  ModelFile model;
  model.path = file.path;
  model.sha256 = file.sha256;
  try {
    return verify_model_file(model);
  } catch (const ModelUnavailable& e) {  // gone since it was checked, or altered
    throw InputError(file.where, "a model file matching its recorded SHA-256 (" + file.path + ".sha256)",
                     e.what());
  }
}

}  // namespace tgvc
