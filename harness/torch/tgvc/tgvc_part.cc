#include "harness/torch/tgvc/tgvc_part.h"

#include "harness/torch/runtime/torch_runtime.h"
#include "harness/torch/tgvc/diffusion_sampler.h"
#include "harness/torch/tgvc/torch_embedder_model.h"
#include "harness/torch/tgvc/torch_tracker_model.h"

namespace tgvc {
namespace {

class TgvcModelsPart final : public TgvcTorchBackend {
 public:
  std::string description() const override { return torch_description(); }

  std::shared_ptr<const TorchEmbedderModel> embedder(const TorchModelFile& file,
                                                     const std::string& device) const override {
    return load_torch_embedder(file, device);
  }

  std::shared_ptr<const TorchTrackerModel> tracker(const TorchModelFile& file,
                                                   const std::string& device) const override {
    return load_torch_tracker(file, device);
  }

  std::shared_ptr<const TorchDiffusionModel> diffusion(const DiffusionModelFiles& files,
                                                       const std::string& device) const override {
    return load_torch_diffusion(files, device);
  }
};

}  // namespace

const TgvcTorchBackend& tgvc_models_part() {
  static const TgvcModelsPart backend;
  return backend;
}

}  // namespace tgvc
