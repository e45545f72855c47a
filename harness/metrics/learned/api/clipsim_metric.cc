// CLIP-SIM: descriptor here (torch-free), computation in libtgvc_torch.so.
#include "harness/metrics/learned/api/backend_loader.h"
#include "harness/metrics/learned/api/learned_models.h"
#include "harness/metrics/learned/api/learned_params.h"
#include "harness/metrics/learned_metrics.h"
#include "harness/metrics/metric_input.h"
#include "harness/metrics/metric_values.h"

namespace tgvc {
namespace {

class ClipsimMetric final : public Metric {
 public:
  const MetricDescriptor& descriptor() const override {
    static const MetricDescriptor d = [] {
      MetricDescriptor d;
      d.id = "clipsim";
      d.kind = MetricKind::kPerFrame;
      d.version = "1";
      d.description =
          "CLIP-SIM (higher is better): cosine similarity of CLIP image embeddings (OpenCLIP ViT-H-14) of "
          "source and decoded frames, per frame, mean over frames";
      d.options = clipsim_param_specs();
      d.values = {higher_is_better("clipsim", "").as_headline().as_main().in_paper_as("clip_sim")};
      return d;
    }();
    return d;
  }
  std::vector<std::string> input_files(const ParamSet& options) const override {
    return model_input_files("openclip-vit-h-14-image", options);
  }

  std::vector<MetricValue> compute(const Video& ref, const Video& dist,
                                   const ParamSet& options) const override {
    check_metric_inputs(ref, dist);
    const MetricDescriptor& d = descriptor();
    const ParamSet p = ParamSet::resolve(d.options, options.values(), d.id);
    std::string why_not;
    const std::optional<ModelFile> tower = locate_model_file("openclip-vit-h-14-image", p, &why_not);
    if (!tower) return unavailable_values(d, p, why_not);
    const BackendHandle& b = learned_backend();
    if (!b.backend) return unavailable_values(d, p, b.error);
    return as_described(d, p, b.backend->clipsim(ref, dist, p, *tower));
  }
};

}  // namespace

std::unique_ptr<Metric> make_clipsim_metric() {
  return std::make_unique<ClipsimMetric>();
}

}  // namespace tgvc
