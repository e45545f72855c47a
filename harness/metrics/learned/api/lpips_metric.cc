// LPIPS v0.1: descriptor here (torch-free), computation in libtgvc_torch.so.

#include "harness/metrics/learned/api/backend_loader.h"
#include "harness/metrics/learned/api/learned_models.h"
#include "harness/metrics/learned/api/learned_params.h"
#include "harness/metrics/learned_metrics.h"
#include "harness/metrics/metric_input.h"
#include "harness/metrics/metric_values.h"

namespace tgvc {
namespace {

class LpipsMetric final : public Metric {
 public:
  const MetricDescriptor& descriptor() const override {
    static const MetricDescriptor d = [] {
      MetricDescriptor d;
      d.id = "lpips";
      d.kind = MetricKind::kPerFrame;
      d.version = "1";
      d.description =
          "LPIPS v0.1 (alex or vgg; lower is better): learned perceptual distance per frame, mean over "
          "frames";
      d.options = lpips_param_specs();
      d.values = {
          lower_is_better("lpips_alex", "").as_headline().as_main().only_when(learned_keys::kNet, "alex"),
          lower_is_better("lpips_vgg", "").as_headline().as_main().only_when(learned_keys::kNet, "vgg"),
      };
      // The paper's LPIPS, whichever backbone ours uses.
      for (ValueSpec& v : d.values) v.in_paper_as("lpips");
      return d;
    }();
    return d;
  }
  std::vector<std::string> input_files(const ParamSet& options) const override {
    return model_input_files("lpips-" + lpips_option_table().parse(options).net + "-backbone", options);
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
    const std::string net = lpips_option_table().parse(p).net;
    std::string why_not;
    const std::optional<ModelFile> backbone = locate_model_file("lpips-" + net + "-backbone", p, &why_not);
    if (!backbone) return unavailable_values(d, p, why_not);
    const BackendHandle& b = learned_backend();
    if (!b.backend) return unavailable_values(d, p, b.error);
    return as_described(d, p, b.backend->lpips(ref, dist, p, *backbone, context.prepared_source));
  }

  // The source frames' features are computed once per sequence and shared by its cells.
  std::string prepared_source_key(const ParamSet& options, const MetricContext& /*context*/) const override {
    return prepared_source_key_of(ParamSet::resolve(param_specs(), options.values(), id()));
  }

  std::shared_ptr<const PreparedSource> prepare(const Video& ref, const ParamSet& options,
                                                const MetricContext& /*context*/) const override {
    const ParamSet p = ParamSet::resolve(param_specs(), options.values(), id());
    std::string why_not;
    const std::optional<ModelFile> backbone =
        locate_model_file("lpips-" + p.get_string(learned_keys::kNet) + "-backbone", p, &why_not);
    if (!backbone) return nullptr;  // compute gives n/a with the reason
    const BackendHandle& b = learned_backend();
    if (!b.backend) return nullptr;
    return b.backend->lpips_prepare(ref, p, *backbone);
  }
};

}  // namespace

std::unique_ptr<Metric> make_lpips_metric() {
  return std::make_unique<LpipsMetric>();
}

}  // namespace tgvc
