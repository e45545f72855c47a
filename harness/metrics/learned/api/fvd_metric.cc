// FVD: descriptor and set bookkeeping here (torch-free), features and statistics in
// libtgvc_learned.so.
#include <fmt/format.h>

#include "harness/core/error.h"
#include "harness/metrics/learned/api/backend_loader.h"
#include "harness/metrics/learned/api/learned_models.h"
#include "harness/metrics/learned/api/learned_params.h"
#include "harness/metrics/learned_metrics.h"
#include "harness/metrics/metric_input.h"

namespace tgvc {
namespace {

class FvdMetric final : public PerSetMetric {
 public:
  std::string id() const override { return "fvd"; }
  std::string version() const override { return "1"; }
  std::string description() const override {
    return "FVD (lower is better): Frechet distance between I3D Kinetics-400 features of the source and "
           "decoded "
           "16-frame clips of every sequence of one codec and rate point";
  }
  const std::vector<ParamSpec>& param_specs() const override { return fvd_param_specs(); }
  std::vector<std::string> input_files(const ParamSet& options) const override {
    return model_input_files("i3d-kinetics400", options);
  }
  std::vector<std::string> value_names() const override { return {"fvd", "fvd_clips"}; }

  SetContribution contribute(const Video& ref, const Video& dist, const ParamSet& options) const override {
    check_metric_inputs(ref, dist);
    const ParamSet p = ParamSet::resolve(param_specs(), options.values(), id());
    SetContribution c;
    std::string why_not;
    const std::optional<ModelFile> detector = locate_model_file("i3d-kinetics400", p, &why_not);
    const BackendHandle* b = detector ? &learned_backend() : nullptr;
    if (!detector || !b->backend) {
      c.available = false;
      c.reason = detector ? b->error : why_not;
    } else {
      c = b->backend->fvd_contribution(ref, dist, p, *detector);
    }
    c.metric = id();
    c.version = version();
    return c;
  }

  std::vector<MetricValue> finish(const std::vector<SetContribution>& cells,
                                  const ParamSet& options) const override {
    const ParamSet p = ParamSet::resolve(param_specs(), options.values(), id());
    int clips = 0;
    for (const SetContribution& c : cells) {
      if (c.metric != id() || c.version != version()) {
        throw InputError("fvd contributions", "contributions of fvd version " + version(),
                         c.metric + " version " + c.version);
      }
      if (!c.available) return not_available(c.reason);
      clips += c.clips;
    }
    if (clips < 2) {
      return not_available(fmt::format("{} clips of {} frames in the set; FVD needs at least 2", clips,
                                       fvd_option_table().parse(p).clip_length));
    }
    const BackendHandle& b = learned_backend();
    if (!b.backend) return not_available(b.error);
    return b.backend->fvd_finish(cells, p);
  }

 private:
  static std::vector<MetricValue> not_available(const std::string& reason) {
    return {unavailable_value("fvd", reason), unavailable_value("fvd_clips", reason, "clips")};
  }
};

}  // namespace

std::unique_ptr<PerSetMetric> make_fvd_metric() {
  return std::make_unique<FvdMetric>();
}

std::string learned_backend_status() {
  const BackendHandle& b = learned_backend();
  return b.backend ? b.backend->description() : b.error;
}

}  // namespace tgvc
