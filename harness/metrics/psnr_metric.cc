#include "harness/metrics/psnr_metric.h"

#include <fmt/format.h>

#include "harness/metrics/frame_metrics.h"
#include "harness/metrics/frame_pair.h"
#include "harness/metrics/frame_slots.h"
#include "harness/metrics/metric_input.h"
#include "harness/metrics/metric_values.h"
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

// The statement every value carries about peak and cap.
std::string peak_text(const PixelFormat& format, double peak) {
  const std::string rule = format.family == ColourFamily::kRgb ? fmt::format("2^{}-1", format.bit_depth)
                                                               : fmt::format("255<<({}-8)", format.bit_depth);
  return fmt::format("peak {}={:g}, per-frame PSNR capped at {:g} dB (MSE 0 gives the cap)", rule, peak,
                     kPsnrCapDb);
}

// psnr_<plane> as the mean of per-frame PSNRs and psnr_<plane>_msepool from the mean MSE.
void add_pair(const MetricDescriptor& d, const std::string& name, const std::string& what,
              const std::vector<double>& mse, double peak, const std::string& peak_note,
              std::vector<MetricValue>* out) {
  std::vector<double> frames = psnr_per_frame(mse, peak);
  const double mean = mean_of(frames);
  out->push_back(make_value(value_spec(d, name), mean, std::move(frames),
                            what + "; mean of per-frame PSNR; " + peak_note));
  out->push_back(make_value(value_spec(d, name + "_msepool"), psnr_of_mean_mse(mse, peak), {},
                            what + "; PSNR of the frame-averaged MSE; " + peak_note));
}

}  // namespace

const ParamTable<PsnrOptions>& psnr_option_table() {
  using Row = ParamRow<PsnrOptions>;
  static const ParamTable<PsnrOptions> table({
      Row("rgb", &PsnrOptions::rgb)
          .help("also report psnr_rgb and psnr_rgb_msepool (each YUV frame converted to RGB with the video's "
                "matrix and range, chroma by sample replication)"),
      Row("extra_yuv", &PsnrOptions::extra_yuv)
          .help(
              "also report psnr_yuv411 (4:1:1 of per-frame PSNRs, CompressAI) and psnr_yuv_hm (HM/VTM: PSNR "
              "of the sample-count-weighted MSE)"),
  });
  return table;
}

const MetricDescriptor& PsnrMetric::descriptor() const {
  static const MetricDescriptor d = [] {
    MetricDescriptor d;
    d.id = "psnr";
    d.kind = MetricKind::kPerFrame;
    d.version = "1";
    d.description = "PSNR of Y, U, V, YUV 6:1:1 and RGB; mean of per-frame PSNR and PSNR of the mean MSE";
    d.options = psnr_option_table().specs();
    // psnr_<plane> is the mean of per-frame PSNRs, psnr_<plane>_msepool the PSNR of the mean MSE.
    d.values = {
        higher_is_better("psnr_y", "dB").as_headline().as_main(),
        higher_is_better("psnr_y_msepool", "dB"),
        higher_is_better("psnr_u", "dB"),
        higher_is_better("psnr_u_msepool", "dB"),
        higher_is_better("psnr_v", "dB"),
        higher_is_better("psnr_v_msepool", "dB"),
        higher_is_better("psnr_yuv611", "dB"),
        higher_is_better("psnr_yuv611_msepool", "dB"),
        higher_is_better("psnr_rgb", "dB").as_main().only_when("rgb", "true"),
        higher_is_better("psnr_rgb_msepool", "dB").only_when("rgb", "true"),
        higher_is_better("psnr_yuv411", "dB").only_when("extra_yuv", "true"),
        higher_is_better("psnr_yuv_hm", "dB").only_when("extra_yuv", "true"),
    };
    return d;
  }();
  return d;
}

namespace {

// One frame's MSEs.
struct FrameError {
  double y = 0, u = 0, v = 0, rgb = 0;
};

class PsnrAccumulator final : public FrameAccumulator {
 public:
  PsnrAccumulator(const MetricDescriptor& d, const VideoInfo& ref, const ParamSet& options)
      : d_(d),
        info_(ref),
        options_(options),
        want_rgb_(psnr_option_table().parse(options).rgb),
        want_extra_(psnr_option_table().parse(options).extra_yuv) {}

  void add(int index, const FramePair& pair) override {
    const int depth = info_.format.bit_depth;
    // An RGB video's Y, U and V are those of its conversion to YUV 4:4:4; psnr_rgb is on R, G, B
    // (a YUV video's converted with its matrix and range).
    const Frame& ya = pair.ref_yuv();
    const Frame& yb = pair.dist_yuv();
    FrameError e;
    e.y = plane_mse(ya.planes[0], yb.planes[0], depth);
    e.u = plane_mse(ya.planes[1], yb.planes[1], depth);
    e.v = plane_mse(ya.planes[2], yb.planes[2], depth);
    if (want_rgb_) e.rgb = rgb_mse(pair.ref_rgb(), pair.dist_rgb(), depth);
    frames_.set(index, e);
  }

  std::vector<MetricValue> finish() override;

 private:
  const MetricDescriptor& d_;
  VideoInfo info_;
  ParamSet options_;
  bool want_rgb_;
  bool want_extra_;
  FrameSlots<FrameError> frames_;
};

std::vector<MetricValue> PsnrAccumulator::finish() {
  const std::vector<FrameError> frames = frames_.take_in_order();
  const bool is_yuv = info_.format.family == ColourFamily::kYuv;
  const int depth = info_.format.bit_depth;
  // Y, U, V values always use the YUV peak; psnr_rgb the peak of the video's own samples.
  const PixelFormat yuv_format{ChromaFormat::k444, depth, ColourFamily::kYuv};
  const double peak = psnr_peak(yuv_format.bit_depth);
  const std::string note = peak_text(yuv_format, peak);
  const double rgb_peak = psnr_peak(info_.format);
  const std::string rgb_note = peak_text(info_.format, rgb_peak);
  // An RGB video's Y, U and V are those of the stated conversion, which every value names.
  const std::string source =
      is_yuv ? std::string()
             : fmt::format(" of the RGB converted to YUV 4:4:4 ({} {} range, tgvc::rgb_to_yuv)",
                           to_string(info_.colour.matrix), to_string(info_.colour.range));

  if (frames.empty()) return unavailable_values(d_, options_, "the videos have no frames");

  FrameErrors e;
  for (const FrameError& f : frames) {
    e.y.push_back(f.y);
    e.u.push_back(f.u);
    e.v.push_back(f.v);
    if (want_rgb_) e.rgb.push_back(f.rgb);
  }

  std::vector<MetricValue> out;
  const PlanePsnrs psnr{psnr_per_frame(e.y, peak), psnr_per_frame(e.u, peak), psnr_per_frame(e.v, peak)};
  add_pair(d_, "psnr_y", "Y" + source, e.y, peak, note, &out);
  add_pair(d_, "psnr_u", "U" + source, e.u, peak, note, &out);
  add_pair(d_, "psnr_v", "V" + source, e.v, peak, note, &out);
  std::vector<double> yuv611;
  for (size_t f = 0; f < e.y.size(); ++f) yuv611.push_back(yuv611_psnr(psnr.y[f], psnr.u[f], psnr.v[f]));
  const double yuv611_mean = mean_of(yuv611);
  out.push_back(
      make_value(value_spec(d_, "psnr_yuv611"), yuv611_mean, std::move(yuv611),
                 "(6 Y + U + V) / 8 of per-frame PSNRs" + source + ", then mean over frames; " + note));
  const double pooled611 =
      yuv611_psnr(psnr_of_mean_mse(e.y, peak), psnr_of_mean_mse(e.u, peak), psnr_of_mean_mse(e.v, peak));
  out.push_back(make_value(value_spec(d_, "psnr_yuv611_msepool"), pooled611, {},
                           "(6 Y + U + V) / 8 of the PSNRs of frame-averaged MSEs" + source + "; " + note));
  if (want_rgb_) {
    const std::string what =
        is_yuv
            ? fmt::format("RGB (YUV->RGB {} {} range, chroma by sample replication), MSE pooled over R, G, B",
                          to_string(info_.colour.matrix), to_string(info_.colour.range))
            : std::string("RGB samples as read, MSE pooled over R, G, B");
    add_pair(d_, "psnr_rgb", what, e.rgb, rgb_peak, rgb_note, &out);
  }
  if (want_extra_) {
    std::vector<double> yuv411;
    for (size_t f = 0; f < e.y.size(); ++f) yuv411.push_back(yuv411_psnr(psnr.y[f], psnr.u[f], psnr.v[f]));
    const double yuv411_mean = mean_of(yuv411);
    out.push_back(make_value(
        value_spec(d_, "psnr_yuv411"), yuv411_mean, std::move(yuv411),
        "(4 Y + U + V) / 6 of per-frame PSNRs" + source + ", then mean over frames (CompressAI); " + note));
    const size_t luma = static_cast<size_t>(info_.width) * info_.height;
    const size_t chroma = is_yuv ? static_cast<size_t>(chroma_width(info_.width, info_.format.chroma)) *
                                       chroma_height(info_.height, info_.format.chroma)
                                 : luma;
    std::vector<double> hm_mse;
    for (size_t f = 0; f < e.y.size(); ++f) {
      hm_mse.push_back(sample_weighted_mse(e.y[f], e.u[f], e.v[f], luma, chroma, chroma));
    }
    out.push_back(make_value(
        value_spec(d_, "psnr_yuv_hm"), psnr_of_mean_mse(hm_mse, peak), psnr_per_frame(hm_mse, peak),
        "HM/VTM YUV-PSNR" + source +
            ": plane MSEs weighted by sample counts (4:1:1 for 4:2:0), "
            "averaged over frames, then PSNR (per frame: PSNR of the frame's weighted MSE); " +
            note));
  }
  return out;
}

}  // namespace

std::unique_ptr<FrameAccumulator> PsnrMetric::start_frames(const VideoInfo& ref, const VideoInfo& /*dist*/,
                                                           const ParamSet& options) const {
  return std::make_unique<PsnrAccumulator>(descriptor(), ref, options);
}

std::vector<MetricValue> PsnrMetric::compute(const Video& ref, const Video& dist,
                                             const ParamSet& options) const {
  return compute_frame_metrics(ref, dist, {{this, options}}).front();
}

}  // namespace tgvc
