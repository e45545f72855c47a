#include "harness/metrics/msssim_metric.h"

#include <limits>

#include <fmt/format.h>

#include "harness/metrics/frame_metrics.h"
#include "harness/metrics/frame_pair.h"
#include "harness/metrics/frame_slots.h"
#include "harness/metrics/metric_input.h"
#include "harness/metrics/metric_values.h"
#include "harness/metrics/psnr_kernels.h"
#include "harness/metrics/psnr_pooling.h"
#include "harness/metrics/ssim_kernels.h"

namespace tgvc {
namespace {

// The planes a frame is measured on: R, G, B (a YUV video's converted with its matrix and range) or
// Y (an RGB video's converted with its matrix and range).
std::vector<const Plane*> channels(const Frame& frame, bool luma_only) {
  if (luma_only) return {&frame.planes[0]};
  return {&frame.planes[0], &frame.planes[1], &frame.planes[2]};
}

std::string convention_text(bool multiscale, SsimConvention convention, bool luma_only, const VideoInfo& info,
                            double data_range) {
  std::string text;
  if (convention == SsimConvention::kVainf) {
    text =
        "pytorch-msssim (vainf): 1-D Gaussian 11 taps sigma 1.5 built in float32, separable 'valid' "
        "filtering, K1 0.01 K2 0.03";
    if (multiscale) {
      text +=
          ", 5 scales weights 0.0448 0.2856 0.3001 0.2363 0.1333, relu on cs and last ssim, "
          "avg_pool2d 2x2 with padding size%2 counted";
    }
  } else {
    text = "DCVC (MATLAB style): 2-D Gaussian 11x11 sigma 1.5 in float64, 'valid' filtering, K1 0.01 K2 0.03";
    if (multiscale) {
      text +=
          ", 5 scales weights 0.0448 0.2856 0.3001 0.2363 0.1333 (4 scales 0.0517 0.3295 0.3462 0.2726 when "
          "the shorter side < 176), no relu, 2x2 box with edge replication";
    }
  }
  text += fmt::format("; data range {:g}", data_range);
  if (luma_only && info.format.family == ColourFamily::kRgb) {
    text += fmt::format("; luma (Y) only, converted from RGB with {} {} range", to_string(info.colour.matrix),
                        to_string(info.colour.range));
  } else if (luma_only) {
    text += "; luma (Y) only";
  } else if (info.format.family == ColourFamily::kYuv) {
    text += fmt::format("; mean over R, G, B (YUV->RGB {} {} range, chroma by sample replication)",
                        to_string(info.colour.matrix), to_string(info.colour.range));
  } else {
    text += "; mean over R, G, B";
  }
  return text + "; sequence: mean of per-frame values";
}

// The descriptor of ssim or msssim: one value, <id>_rgb or <id>_y as the colour option says;
// `rgb_main`: <id>_rgb is among the report's main metrics.
MetricDescriptor ssim_family_descriptor(const std::string& id, std::string description, bool rgb_main) {
  MetricDescriptor d;
  d.id = id;
  d.kind = MetricKind::kPerFrame;
  d.version = "1";
  d.description = std::move(description);
  d.options = ssim_option_table().specs();
  d.values = {
      higher_is_better(id + "_rgb", "").as_headline().only_when("colour", "rgb"),
      higher_is_better(id + "_y", "").as_headline().only_when("colour", "y"),
  };
  d.values[0].main = rgb_main;
  return d;
}

// One frame's value: the mean over its channels, or the first channel's reason for n/a.
struct FrameSsim {
  bool available = true;
  double value = 0;
  std::string reason;
};

class SsimAccumulator final : public FrameAccumulator {
 public:
  SsimAccumulator(const MetricDescriptor& d, const VideoInfo& ref, const ParamSet& options, bool multiscale)
      : headline_(headline_value(d, options)),
        multiscale_(multiscale),
        convention_(ssim_option_table().parse(options).convention),
        luma_only_(ssim_option_table().parse(options).colour == SsimColour::kLuma),
        data_range_(psnr_peak(ref.format)),
        info_(ref) {}

  void add(int index, const FramePair& pair) override {
    const std::vector<const Plane*> a = channels(luma_only_ ? pair.ref_yuv() : pair.ref_rgb(), luma_only_);
    const std::vector<const Plane*> b = channels(luma_only_ ? pair.dist_yuv() : pair.dist_rgb(), luma_only_);
    FrameSsim frame;
    double sum = 0;
    for (size_t c = 0; c < a.size(); ++c) {
      const SsimResult r = multiscale_ ? msssim_channel(*a[c], *b[c], data_range_, convention_)
                                       : ssim_channel(*a[c], *b[c], data_range_, convention_);
      if (!r.available) {
        frame.available = false;
        frame.reason = r.reason;
        break;
      }
      sum += r.value;
    }
    frame.value = sum / static_cast<double>(a.size());
    frames_.set(index, std::move(frame));
  }

  std::vector<MetricValue> finish() override {
    const std::vector<FrameSsim> frames = frames_.take_in_order();
    MetricValue v = make_value(headline_, std::numeric_limits<double>::quiet_NaN(), {},
                               convention_text(multiscale_, convention_, luma_only_, info_, data_range_));
    if (frames.empty()) {
      v.available = false;
      v.reason = "the videos have no frames";
      return {v};
    }
    for (size_t f = 0; f < frames.size(); ++f) {
      if (!frames[f].available) {  // the first frame without a value names the reason
        v.available = false;
        v.reason = f == 0 ? frames[f].reason : "frame " + std::to_string(f) + ": " + frames[f].reason;
        v.per_frame.clear();
        return {v};
      }
      v.per_frame.push_back(frames[f].value);
    }
    v.value = mean_of(v.per_frame);
    return {v};
  }

 private:
  const ValueSpec& headline_;
  bool multiscale_;
  SsimConvention convention_;
  bool luma_only_;
  double data_range_;
  VideoInfo info_;
  FrameSlots<FrameSsim> frames_;
};

}  // namespace

const ParamTable<SsimOptions>& ssim_option_table() {
  using Row = ParamRow<SsimOptions>;
  static const EnumNames<SsimConvention> kConventions = {{SsimConvention::kVainf, "vainf"},
                                                         {SsimConvention::kDcvc, "dcvc"}};
  static const EnumNames<SsimColour> kColours = {{SsimColour::kRgb, "rgb"}, {SsimColour::kLuma, "y"}};
  static const ParamTable<SsimOptions> table({
      Row("convention", &SsimOptions::convention, kConventions)
          .help(
              "vainf: pytorch-msssim (float32 Gaussian, relu on cs, avg-pool with zero padding); "
              "dcvc: the DCVC metrics module (MATLAB style: float64 Gaussian, no relu, edge-replicated box, "
              "4 scales below 176 px)"),
      Row("colour", &SsimOptions::colour, kColours)
          .help(
              "rgb: YUV converted to RGB with the video's matrix and range, mean over R, G, B; y: luma only"),
  });
  return table;
}

const MetricDescriptor& SsimMetric::descriptor() const {
  static const MetricDescriptor d = ssim_family_descriptor(
      "ssim", "single-scale SSIM (Gaussian window), pytorch-msssim or DCVC convention, on RGB or luma",
      false);
  return d;
}

std::unique_ptr<FrameAccumulator> SsimMetric::start_frames(const VideoInfo& ref, const VideoInfo& /*dist*/,
                                                           const ParamSet& options) const {
  return std::make_unique<SsimAccumulator>(descriptor(), ref, options, false);
}

std::vector<MetricValue> SsimMetric::compute(const Video& ref, const Video& dist,
                                             const ParamSet& options) const {
  return compute_frame_metrics(ref, dist, {{this, options}}).front();
}

const MetricDescriptor& MsssimMetric::descriptor() const {
  static const MetricDescriptor d = ssim_family_descriptor(
      "msssim", "MS-SSIM (5 scales), pytorch-msssim or DCVC convention, on RGB or luma", true);
  return d;
}

std::unique_ptr<FrameAccumulator> MsssimMetric::start_frames(const VideoInfo& ref, const VideoInfo& /*dist*/,
                                                             const ParamSet& options) const {
  return std::make_unique<SsimAccumulator>(descriptor(), ref, options, true);
}

std::vector<MetricValue> MsssimMetric::compute(const Video& ref, const Video& dist,
                                               const ParamSet& options) const {
  return compute_frame_metrics(ref, dist, {{this, options}}).front();
}

}  // namespace tgvc
