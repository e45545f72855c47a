#include "harness/torch/metrics/metrics_part.h"

#include "harness/torch/metrics/clip_compute.h"
#include "harness/torch/metrics/dists_compute.h"
#include "harness/torch/metrics/fvd_compute.h"
#include "harness/torch/metrics/lpips_compute.h"
#include "harness/torch/runtime/torch_runtime.h"

namespace tgvc {
namespace {

class LearnedMetricsPart final : public LearnedBackend {
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

const LearnedBackend& learned_metrics_part() {
  static const LearnedMetricsPart backend;
  return backend;
}

}  // namespace tgvc
