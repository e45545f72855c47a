// The library's one entry point: the LearnedBackend the torch-free descriptors call.

#include "harness/metrics/learned/clip_compute.h"
#include "harness/metrics/learned/dists_compute.h"
#include "harness/metrics/learned/fvd_compute.h"
#include "harness/metrics/learned/learned_backend.h"
#include "harness/metrics/learned/lpips_compute.h"
#include "harness/metrics/learned/torch_runtime.h"

namespace tgvc {
namespace {

class TorchBackend final : public LearnedBackend {
 public:
  std::string description() const override { return torch_description(); }

  std::vector<MetricValue> lpips(const Video& ref, const Video& dist, const ParamSet& options,
                                 const ModelFile& backbone, const PreparedSource* prepared) const override {
    return lpips_values(ref, dist, options, backbone, prepared);
  }

  std::shared_ptr<const PreparedSource> lpips_prepare(const Video& ref, const ParamSet& options,
                                                      const ModelFile& backbone) const override {
    return tgvc::lpips_prepare(ref, options, backbone);
  }

  std::vector<MetricValue> dists(const Video& ref, const Video& dist, const ParamSet& options,
                                 const ModelFile& backbone, const PreparedSource* prepared) const override {
    return dists_values(ref, dist, options, backbone, prepared);
  }

  std::shared_ptr<const PreparedSource> dists_prepare(const Video& ref, const ParamSet& options,
                                                      const ModelFile& backbone) const override {
    return tgvc::dists_prepare(ref, options, backbone);
  }

  std::vector<MetricValue> clipsim(const Video& ref, const Video& dist, const ParamSet& options,
                                   const ModelFile& tower) const override {
    return clipsim_values(ref, dist, options, tower);
  }

  SetContribution fvd_contribution(const Video& ref, const Video& dist, const ParamSet& options,
                                   const ModelFile& detector) const override {
    return tgvc::fvd_contribution(ref, dist, options, detector);
  }

  std::vector<MetricValue> fvd_finish(const std::vector<SetContribution>& cells,
                                      const ParamSet& options) const override {
    return tgvc::fvd_finish(cells, options);
  }
};

}  // namespace
}  // namespace tgvc

extern "C" const tgvc::LearnedBackend* tgvc_learned_backend_v2() {
  static const tgvc::TorchBackend backend;
  tgvc::init_torch_threads();
  return &backend;
}
