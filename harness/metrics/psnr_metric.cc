#include "harness/metrics/psnr_metric.h"

#include <fmt/format.h>

#include "harness/core/colour.h"
#include "harness/metrics/metric_input.h"
#include "harness/metrics/psnr_kernels.h"
#include "harness/metrics/psnr_pooling.h"

namespace tgvc {
namespace {

// Per-frame MSEs of every plane; RGB pools R, G and B.
struct FrameErrors {
  std::vector<double> y, u, v, rgb;
};

// Per-frame PSNRs of the three YUV planes.
struct PlanePsnrs {
  std::vector<double> y, u, v;
};

double plane_mse(const Plane& a, const Plane& b, int bit_depth) {
  return static_cast<double>(plane_sum_squared_error(a, b, bit_depth)) /
         (static_cast<double>(a.width) * a.height);
}

double rgb_mse(const Frame& a, const Frame& b, int bit_depth) {
  uint64_t sse = 0;
  for (int p = 0; p < 3; ++p) sse += plane_sum_squared_error(a.planes[p], b.planes[p], bit_depth);
  return static_cast<double>(sse) / (3.0 * a.width() * a.height());
}

std::vector<double> psnr_per_frame(const std::vector<double>& mse, double peak) {
  std::vector<double> out;
  out.reserve(mse.size());
  for (double m : mse) out.push_back(psnr_from_mse(m, peak));
  return out;
}

MetricValue db_value(std::string name, double value, std::vector<double> per_frame, std::string convention) {
  MetricValue v;
  v.name = std::move(name);
  v.value = value;
  v.per_frame = std::move(per_frame);
  v.unit = "dB";
  v.convention = std::move(convention);
  return v;
}

MetricValue not_available(std::string name, std::string reason) {
  MetricValue v;
  v.name = std::move(name);
  v.unit = "dB";
  v.available = false;
  v.reason = std::move(reason);
  return v;
}

// The statement every value carries about peak and cap.
std::string peak_text(int bit_depth, double peak) {
  return fmt::format("peak 255<<({}-8)={:g}, per-frame PSNR capped at {:g} dB (MSE 0 gives the cap)",
                     bit_depth, peak, kPsnrCapDb);
}

// psnr_<plane> as the mean of per-frame PSNRs and psnr_<plane>_msepool from the mean MSE.
void add_pair(const std::string& name, const std::string& what, const std::vector<double>& mse, double peak,
              const std::string& peak_note, std::vector<MetricValue>* out) {
  std::vector<double> frames = psnr_per_frame(mse, peak);
  const double mean = mean_of(frames);
  out->push_back(db_value(name, mean, std::move(frames), what + "; mean of per-frame PSNR; " + peak_note));
  out->push_back(db_value(name + "_msepool", psnr_of_mean_mse(mse, peak), {},
                          what + "; PSNR of the frame-averaged MSE; " + peak_note));
}

ParamSpec flag(std::string key, bool default_value, std::string help) {
  ParamSpec spec;
  spec.key = std::move(key);
  spec.type = ParamType::kBool;
  spec.default_value = default_value ? "true" : "false";
  spec.help = std::move(help);
  return spec;
}

}  // namespace

std::string PsnrMetric::description() const {
  return "PSNR of Y, U, V, YUV 6:1:1 and RGB; mean of per-frame PSNR and PSNR of the mean MSE";
}

const std::vector<ParamSpec>& PsnrMetric::param_specs() const {
  static const std::vector<ParamSpec> specs = {
      flag("rgb", true,
           "also report psnr_rgb and psnr_rgb_msepool (each YUV frame converted to RGB with the video's "
           "matrix and range, chroma by sample replication)"),
      flag("extra_yuv", false,
           "also report psnr_yuv411 (4:1:1 of per-frame PSNRs, CompressAI) and psnr_yuv_hm (HM/VTM: PSNR of "
           "the sample-count-weighted MSE)"),
  };
  return specs;
}

std::vector<MetricValue> PsnrMetric::compute(const Video& ref, const Video& dist,
                                             const ParamSet& options) const {
  check_metric_inputs(ref, dist);
  const bool want_rgb = option_or_default(options, param_specs(), "rgb") == "true";
  const bool want_extra = option_or_default(options, param_specs(), "extra_yuv") == "true";
  const bool is_yuv = ref.info.format.family == ColourFamily::kYuv;
  const int depth = ref.info.format.bit_depth;
  const double peak = psnr_peak(depth);
  const std::string note = peak_text(depth, peak);

  if (ref.frame_count() == 0) {
    std::vector<std::string> names;
    if (is_yuv) {
      names = {"psnr_y", "psnr_y_msepool", "psnr_u",      "psnr_u_msepool",
               "psnr_v", "psnr_v_msepool", "psnr_yuv611", "psnr_yuv611_msepool"};
    }
    if (want_rgb) names.insert(names.end(), {"psnr_rgb", "psnr_rgb_msepool"});
    if (is_yuv && want_extra) names.insert(names.end(), {"psnr_yuv411", "psnr_yuv_hm"});
    std::vector<MetricValue> out;
    for (const std::string& n : names) out.push_back(not_available(n, "the videos have no frames"));
    return out;
  }

  FrameErrors e;
  for (int f = 0; f < ref.frame_count(); ++f) {
    const Frame& a = ref.frames[f];
    const Frame& b = dist.frames[f];
    if (is_yuv) {
      e.y.push_back(plane_mse(a.planes[0], b.planes[0], depth));
      e.u.push_back(plane_mse(a.planes[1], b.planes[1], depth));
      e.v.push_back(plane_mse(a.planes[2], b.planes[2], depth));
      if (want_rgb) {
        e.rgb.push_back(rgb_mse(yuv_to_rgb(a, ref.info.colour), yuv_to_rgb(b, dist.info.colour), depth));
      }
    } else if (want_rgb) {
      e.rgb.push_back(rgb_mse(a, b, depth));
    }
  }

  std::vector<MetricValue> out;
  const PlanePsnrs psnr{psnr_per_frame(e.y, peak), psnr_per_frame(e.u, peak), psnr_per_frame(e.v, peak)};
  if (is_yuv) {
    add_pair("psnr_y", "Y", e.y, peak, note, &out);
    add_pair("psnr_u", "U", e.u, peak, note, &out);
    add_pair("psnr_v", "V", e.v, peak, note, &out);
    std::vector<double> yuv611;
    for (size_t f = 0; f < e.y.size(); ++f) yuv611.push_back(yuv611_psnr(psnr.y[f], psnr.u[f], psnr.v[f]));
    const double yuv611_mean = mean_of(yuv611);
    out.push_back(db_value("psnr_yuv611", yuv611_mean, std::move(yuv611),
                           "(6 Y + U + V) / 8 of per-frame PSNRs, then mean over frames; " + note));
    const double pooled611 =
        yuv611_psnr(psnr_of_mean_mse(e.y, peak), psnr_of_mean_mse(e.u, peak), psnr_of_mean_mse(e.v, peak));
    out.push_back(db_value("psnr_yuv611_msepool", pooled611, {},
                           "(6 Y + U + V) / 8 of the PSNRs of frame-averaged MSEs; " + note));
  }
  if (want_rgb) {
    const std::string what =
        is_yuv
            ? fmt::format("RGB (YUV->RGB {} {} range, chroma by sample replication), MSE pooled over R, G, B",
                          to_string(ref.info.colour.matrix), to_string(ref.info.colour.range))
            : std::string("RGB, MSE pooled over R, G, B");
    add_pair("psnr_rgb", what, e.rgb, peak, note, &out);
  }
  if (is_yuv && want_extra) {
    std::vector<double> yuv411;
    for (size_t f = 0; f < e.y.size(); ++f) yuv411.push_back(yuv411_psnr(psnr.y[f], psnr.u[f], psnr.v[f]));
    const double yuv411_mean = mean_of(yuv411);
    out.push_back(
        db_value("psnr_yuv411", yuv411_mean, std::move(yuv411),
                 "(4 Y + U + V) / 6 of per-frame PSNRs, then mean over frames (CompressAI); " + note));
    const Frame& first = ref.frames[0];
    std::vector<double> hm_mse;
    for (size_t f = 0; f < e.y.size(); ++f) {
      hm_mse.push_back(sample_weighted_mse(e.y[f], e.u[f], e.v[f], first.planes[0].samples.size(),
                                           first.planes[1].samples.size(), first.planes[2].samples.size()));
    }
    out.push_back(db_value("psnr_yuv_hm", psnr_of_mean_mse(hm_mse, peak), psnr_per_frame(hm_mse, peak),
                           "HM/VTM YUV-PSNR: plane MSEs weighted by sample counts (4:1:1 for 4:2:0), "
                           "averaged over frames, then PSNR (per frame: PSNR of the frame's weighted MSE); " +
                               note));
  }
  return out;
}

}  // namespace tgvc
