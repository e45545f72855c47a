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
    return model_input_files("lpips-" + lpips_option_table().parse(options).net + "-backbone", options);
  }

  std::vector<MetricValue> compute(const Video& ref, const Video& dist,
                                   const ParamSet& options) const override {
    check_metric_inputs(ref, dist);
    const ParamSet p = ParamSet::resolve(param_specs(), options.values(), id());
    const std::string net = lpips_option_table().parse(p).net;
    const std::string name = "lpips_" + net;
    std::string why_not;
    const std::optional<ModelFile> backbone = locate_model_file("lpips-" + net + "-backbone", p, &why_not);
    if (!backbone) return {unavailable_value(name, why_not)};
    const BackendHandle& b = learned_backend();
    if (!b.backend) return {unavailable_value(name, b.error)};
    return b.backend->lpips(ref, dist, p, *backbone);
  }
};

}  // namespace

std::unique_ptr<Metric> make_lpips_metric() {
  return std::make_unique<LpipsMetric>();
}

}  // namespace tgvc
