// The library's one entry point: the LearnedTorchBackend the learned codec calls.

#include "codecs/learned/learned_network.h"
#include "codecs/learned/torch/torch_learned_network.h"
#include "harness/metrics/learned/torch_runtime.h"

namespace tgvc::learned {
namespace {

class TorchBackend final : public LearnedTorchBackend {
 public:
  std::string description() const override { return torch_description(); }

  std::shared_ptr<const LearnedNetwork> load(const std::string& path, const std::string& sha256,
                                             const std::string& device,
                                             const std::string& where) const override {
    return load_torch_learned_network(path, sha256, device, where);
  }
};

}  // namespace
}  // namespace tgvc::learned

extern "C" const tgvc::learned::LearnedTorchBackend* tgvc_learned_codec_backend_v1() {
  static const tgvc::learned::TorchBackend backend;
  tgvc::init_torch_threads();
  return &backend;
}
