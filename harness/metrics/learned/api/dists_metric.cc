// DISTS (Ding et al., TPAMI 2020): descriptor here (torch-free), computation in libtgvc_torch.so
// (harness/torch/metrics/dists_compute.h). The source frames' deep features are prepared once
// per sequence and shared by its cells.

#include "harness/metrics/learned/api/backend_loader.h"
#include "harness/metrics/learned/api/learned_models.h"
#include "harness/metrics/learned/api/learned_params.h"
#include "harness/metrics/learned_metrics.h"
#include "harness/metrics/metric_input.h"
#include "harness/metrics/metric_values.h"

namespace tgvc {
namespace {

constexpr const char* kBackbone = "lpips-vgg-backbone";  // torchvision VGG16, shared with LPIPS vgg

class DistsMetric final : public Metric {
 public:
  const MetricDescriptor& descriptor() const override {
    static const MetricDescriptor d = [] {
      MetricDescriptor d;
      d.id = "dists";
      d.kind = MetricKind::kPerFrame;
      d.version = "1";
      d.description =
          "DISTS (lower is better): structure and texture similarity of VGG16 features with the "
          "reference's learned weights, per frame, mean over frames";
      d.options = dists_param_specs();
      d.values = {lower_is_better("dists", "").as_headline().as_main()};
      return d;
    }();
    return d;
  }
  std::vector<std::string> input_files(const ParamSet& options) const override {
    return model_input_files(kBackbone, options);
  }

  std::vector<MetricValue> compute(const Video& ref, const Video& dist,
                                   const ParamSet& options) const override {
    return compute_in_context(ref, dist, options, {});
  }

  std::vector<MetricValue> compute_in_context(const Video& ref, const Video& dist, const ParamSet& options,
                                              const MetricContext& context) const override {
    check_metric_inputs(ref, dist);
    const MetricDescriptor& d = descriptor();
    const ParamSet p = ParamSet::resolve(d.options, options.values(), d.id);
    std::string why_not;
    const std::optional<ModelFile> backbone = locate_model_file(kBackbone, p, &why_not);
    if (!backbone) return unavailable_values(d, p, why_not);
    const BackendHandle& b = learned_backend();
    if (!b.backend) return unavailable_values(d, p, b.error);
    return as_described(d, p, b.backend->dists(ref, dist, p, *backbone, context.prepared_source));
  }

  std::string prepared_source_key(const ParamSet& options, const MetricContext& /*context*/) const override {
    return prepared_source_key_of(ParamSet::resolve(param_specs(), options.values(), id()));
  }

  std::shared_ptr<const PreparedSource> prepare(const Video& ref, const ParamSet& options,
                                                const MetricContext& /*context*/) const override {
    const ParamSet p = ParamSet::resolve(param_specs(), options.values(), id());
    std::string why_not;
    const std::optional<ModelFile> backbone = locate_model_file(kBackbone, p, &why_not);
    if (!backbone) return nullptr;  // compute gives n/a with the reason
    const BackendHandle& b = learned_backend();
    if (!b.backend) return nullptr;
    return b.backend->dists_prepare(ref, p, *backbone);
  }
};

}  // namespace

std::unique_ptr<Metric> make_dists_metric() {
  return std::make_unique<DistsMetric>();
}

}  // namespace tgvc
