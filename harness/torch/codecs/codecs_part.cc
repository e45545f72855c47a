#include "harness/torch/codecs/codecs_part.h"

#include "harness/torch/codecs/torch_learned_network.h"
#include "harness/torch/runtime/torch_runtime.h"

namespace tgvc::learned {
namespace {

class LearnedCodecsPart final : public LearnedTorchBackend {
 public:
  std::string description() const override { return torch_description(); }

  std::shared_ptr<const LearnedNetwork> load(const std::string& path, const std::string& sha256,
                                             const std::string& device,
                                             const std::string& where) const override {
    return load_torch_learned_network(path, sha256, device, where);
  }
};

}  // namespace

const LearnedTorchBackend& learned_codecs_part() {
  static const LearnedCodecsPart backend;
  return backend;
}

}  // namespace tgvc::learned
