#include "harness/metrics/msssim_metric.h"

#include <fmt/format.h>

#include "harness/core/colour.h"
#include "harness/metrics/metric_input.h"
#include "harness/metrics/psnr_kernels.h"
#include "harness/metrics/psnr_pooling.h"
#include "harness/metrics/ssim_kernels.h"

namespace tgvc {
namespace {

// The planes a frame is measured on: R, G, B (converted into `storage` when the video is YUV) or Y
// (converted from RGB with the video's matrix and range when the video is RGB).
std::vector<const Plane*> channels(const Frame& frame, const VideoInfo& info, bool luma_only,
                                   Frame* storage) {
  const bool is_yuv = frame.format.family == ColourFamily::kYuv;
  if (luma_only) {
    if (is_yuv) return {&frame.planes[0]};
    *storage = rgb_to_yuv(frame, info.colour, ChromaFormat::k444);
    return {&storage->planes[0]};
  }
  if (is_yuv) {
    *storage = yuv_to_rgb(frame, info.colour);
    return {&storage->planes[0], &storage->planes[1], &storage->planes[2]};
  }
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

std::vector<MetricValue> compute_ssim_family(const Video& ref, const Video& dist, const ParamSet& options,
                                             bool multiscale) {
  check_metric_inputs(ref, dist);
  const SsimOptions o = ssim_option_table().parse(options);
  const SsimConvention convention = o.convention;
  const bool luma_only = o.colour == SsimColour::kLuma;
  const double data_range = psnr_peak(ref.info.format);

  MetricValue v;
  v.name = std::string(multiscale ? "msssim" : "ssim") + (luma_only ? "_y" : "_rgb");
  v.unit = "";
  v.convention = convention_text(multiscale, convention, luma_only, ref.info, data_range);
  if (ref.frame_count() == 0) {
    v.available = false;
    v.reason = "the videos have no frames";
    return {v};
  }
  for (int f = 0; f < ref.frame_count(); ++f) {
    Frame ref_storage, dist_storage;
    const std::vector<const Plane*> a = channels(ref.frames[f], ref.info, luma_only, &ref_storage);
    const std::vector<const Plane*> b = channels(dist.frames[f], dist.info, luma_only, &dist_storage);
    double sum = 0;
    for (size_t c = 0; c < a.size(); ++c) {
      const SsimResult r = multiscale ? msssim_channel(*a[c], *b[c], data_range, convention)
                                      : ssim_channel(*a[c], *b[c], data_range, convention);
      if (!r.available) {
        v.available = false;
        v.reason = f == 0 ? r.reason : "frame " + std::to_string(f) + ": " + r.reason;
        v.per_frame.clear();
        return {v};
      }
      sum += r.value;
    }
    v.per_frame.push_back(sum / static_cast<double>(a.size()));
  }
  v.value = mean_of(v.per_frame);
  return {v};
}

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

std::string SsimMetric::description() const {
  return "single-scale SSIM (Gaussian window), pytorch-msssim or DCVC convention, on RGB or luma";
}

const std::vector<ParamSpec>& SsimMetric::param_specs() const {
  return ssim_option_table().specs();
}

std::vector<MetricValue> SsimMetric::compute(const Video& ref, const Video& dist,
                                             const ParamSet& options) const {
  return compute_ssim_family(ref, dist, options, false);
}

std::string MsssimMetric::description() const {
  return "MS-SSIM (5 scales), pytorch-msssim or DCVC convention, on RGB or luma";
}

const std::vector<ParamSpec>& MsssimMetric::param_specs() const {
  return ssim_option_table().specs();
}

std::vector<MetricValue> MsssimMetric::compute(const Video& ref, const Video& dist,
                                               const ParamSet& options) const {
  return compute_ssim_family(ref, dist, options, true);
}

}  // namespace tgvc
