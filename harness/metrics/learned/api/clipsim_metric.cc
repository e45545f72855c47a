// CLIP-SIM: descriptor here (torch-free), computation in libtgvc_learned.so.
#include "harness/metrics/learned/api/backend_loader.h"
#include "harness/metrics/learned/api/learned_models.h"
#include "harness/metrics/learned/api/learned_params.h"
#include "harness/metrics/learned_metrics.h"
#include "harness/metrics/metric_input.h"

namespace tgvc {
namespace {

class ClipsimMetric final : public Metric {
 public:
  std::string id() const override { return "clipsim"; }
  std::string version() const override { return "1"; }
  std::string description() const override {
    return "CLIP-SIM (higher is better): cosine similarity of CLIP image embeddings (OpenCLIP ViT-H-14) of "
           "source and decoded frames, per frame, mean over frames";
  }
  const std::vector<ParamSpec>& param_specs() const override { return clipsim_param_specs(); }
  std::vector<std::string> input_files(const ParamSet& options) const override {
    return model_input_files("openclip-vit-h-14-image", options);
  }

  std::vector<MetricValue> compute(const Video& ref, const Video& dist,
                                   const ParamSet& options) const override {
    check_metric_inputs(ref, dist);
    const ParamSet p = ParamSet::resolve(param_specs(), options.values(), id());
    std::string why_not;
    const std::optional<ModelFile> tower = locate_model_file("openclip-vit-h-14-image", p, &why_not);
    if (!tower) return {unavailable_value("clipsim", why_not)};
    const BackendHandle& b = learned_backend();
    if (!b.backend) return {unavailable_value("clipsim", b.error)};
    return b.backend->clipsim(ref, dist, p, *tower);
  }
};

}  // namespace

std::unique_ptr<Metric> make_clipsim_metric() {
  return std::make_unique<ClipsimMetric>();
}

}  // namespace tgvc
