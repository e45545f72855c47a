// The library's one entry point: the TgvcTorchBackend the torch-free facades call.

#include "codecs/tgvc/torch/diffusion_sampler.h"
#include "codecs/tgvc/torch/tgvc_torch_backend.h"
#include "codecs/tgvc/torch/torch_embedder_model.h"
#include "codecs/tgvc/torch/torch_tracker_model.h"
#include "harness/metrics/learned/torch_runtime.h"

namespace tgvc {
namespace {

class TorchBackend final : public TgvcTorchBackend {
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
}  // namespace tgvc

extern "C" const tgvc::TgvcTorchBackend* tgvc_tgvc_torch_backend_v2() {
  static const tgvc::TorchBackend backend;
  tgvc::init_torch_threads();
  return &backend;
}
