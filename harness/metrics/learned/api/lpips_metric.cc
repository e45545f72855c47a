// LPIPS v0.1: descriptor here (torch-free), computation in libtgvc_learned.so.
#include <fmt/format.h>

#include "harness/metrics/learned/api/backend_loader.h"
#include "harness/metrics/learned/api/learned_models.h"
#include "harness/metrics/learned/api/learned_params.h"
#include "harness/metrics/learned_metrics.h"
#include "harness/metrics/metric_input.h"

namespace tgvc {
namespace {

class LpipsMetric final : public Metric {
 public:
  std::string id() const override { return "lpips"; }
  std::string version() const override { return "1"; }
  std::string description() const override {
    return "LPIPS v0.1 (alex or vgg; lower is better): learned perceptual distance per frame, mean over "
           "frames";
  }
  const std::vector<ParamSpec>& param_specs() const override { return lpips_param_specs(); }
  std::vector<std::string> input_files(const ParamSet& options) const override {
    return model_input_files("lpips-" + options.get_string(learned_keys::kNet) + "-backbone", options);
  }

  std::vector<MetricValue> compute(const Video& ref, const Video& dist,
                                   const ParamSet& options) const override {
    return compute_in_context(ref, dist, options, {});
  }

  std::vector<MetricValue> compute_in_context(const Video& ref, const Video& dist, const ParamSet& options,
                                              const MetricContext& context) const override {
    check_metric_inputs(ref, dist);
    const ParamSet p = ParamSet::resolve(param_specs(), options.values(), id());
    const std::string net = p.get_string(learned_keys::kNet);
    const std::string name = "lpips_" + net;
    std::string why_not;
    const std::optional<ModelFile> backbone = locate_model_file("lpips-" + net + "-backbone", p, &why_not);
    if (!backbone) return {unavailable_value(name, why_not)};
    const BackendHandle& b = learned_backend();
    if (!b.backend) return {unavailable_value(name, b.error)};
    return b.backend->lpips(ref, dist, p, *backbone, context.prepared_source);
  }

  // The source frames' features are computed once per sequence and shared by its cells.
  std::string prepared_source_key(const ParamSet& options, const MetricContext& /*context*/) const override {
    const ParamSet p = ParamSet::resolve(param_specs(), options.values(), id());
    return fmt::format("{} {} {} {}", p.get_string(learned_keys::kNet), p.get_string(learned_keys::kDevice),
                       p.get_int(learned_keys::kBatch),
                       p.has(learned_keys::kModelFile) ? p.get_string(learned_keys::kModelFile) : "");
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
