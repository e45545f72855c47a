// FVD: descriptor and set bookkeeping here (torch-free), features and statistics in
// libtgvc_torch.so.
#include <fmt/format.h>

#include "harness/core/error.h"
#include "harness/metrics/learned/api/backend_loader.h"
#include "harness/metrics/learned/api/learned_models.h"
#include "harness/metrics/learned/api/learned_params.h"
#include "harness/metrics/learned_metrics.h"
#include "harness/metrics/metric_input.h"
#include "harness/metrics/metric_values.h"

namespace tgvc {
namespace {

class FvdMetric final : public PerSetMetric {
 public:
  const MetricDescriptor& descriptor() const override {
    static const MetricDescriptor d = [] {
      MetricDescriptor d;
      d.id = "fvd";
      d.kind = MetricKind::kPerSet;
      d.version = "1";
      d.description =
          "FVD (lower is better): Frechet distance between I3D Kinetics-400 features of the source and "
          "decoded "
          "16-frame clips of every sequence of one codec and rate point";
      d.options = fvd_param_specs();
      // fvd_clips (how many clips the set pooled) counts, it does not judge; lower keeps the
      // direction every fvd value had.
      d.values = {lower_is_better("fvd", "").as_headline(), lower_is_better("fvd_clips", "clips")};
      return d;
    }();
    return d;
  }
  std::vector<std::string> input_files(const ParamSet& options) const override {
    return model_input_files("i3d-kinetics400", options);
  }
  SetContribution contribute(const Video& ref, const Video& dist, const ParamSet& options) const override {
    check_metric_inputs(ref, dist);
    const MetricDescriptor& d = descriptor();
    const ParamSet p = ParamSet::resolve(d.options, options.values(), d.id);
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
    c.metric = d.id;
    c.version = d.version;
    return c;
  }

  std::vector<MetricValue> finish(const std::vector<SetContribution>& cells,
                                  const ParamSet& options) const override {
    const MetricDescriptor& d = descriptor();
    const ParamSet p = ParamSet::resolve(d.options, options.values(), d.id);
    int clips = 0;
    for (const SetContribution& c : cells) {
      if (c.metric != d.id || c.version != d.version) {
        throw InputError("fvd contributions", "contributions of fvd version " + d.version,
                         c.metric + " version " + c.version);
      }
      if (!c.available) return unavailable_values(d, p, c.reason);
      clips += c.clips;
    }
    if (clips < 2) {
      return unavailable_values(d, p,
                                fmt::format("{} clips of {} frames in the set; FVD needs at least 2", clips,
                                            fvd_option_table().parse(p).clip_length));
    }
    const BackendHandle& b = learned_backend();
    if (!b.backend) return unavailable_values(d, p, b.error);
    return as_described(d, p, b.backend->fvd_finish(cells, p));
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
