#include "harness/torch/metrics/fvd_compute.h"

#include <algorithm>
#include <cmath>

#include <c10/core/InferenceMode.h>
#include <fmt/format.h>

#include "harness/core/error.h"
#include "harness/torch/runtime/frame_tensors.h"
#include "harness/torch/runtime/model_check.h"
#include "harness/torch/runtime/torch_runtime.h"

namespace tgvc {
namespace {

constexpr int64_t kCommonResolution = 224;

// One clip [3, T, 224, 224] the common_metrics way.
at::Tensor common_metrics_clip(const at::Tensor& frames) {  // frames: [T, 3, H, W] in [0, 1]
  const int64_t h = frames.size(2);
  const int64_t w = frames.size(3);
  const double scale = static_cast<double>(kCommonResolution) / static_cast<double>(std::min(h, w));
  const int64_t th = h < w ? kCommonResolution : static_cast<int64_t>(std::ceil(h * scale));
  const int64_t tw = h < w ? static_cast<int64_t>(std::ceil(w * scale)) : kCommonResolution;
  at::Tensor x = at::upsample_bilinear2d(frames, {th, tw}, false);
  x = x.narrow(2, (th - kCommonResolution) / 2, kCommonResolution)
          .narrow(3, (tw - kCommonResolution) / 2, kCommonResolution);
  return ((x - 0.5) * 2).permute({1, 0, 2, 3});
}

MetricValue unavailable(const std::string& name, const std::string& unit, const std::string& reason) {
  MetricValue v;
  v.name = name;
  v.unit = unit;
  v.available = false;
  v.reason = reason;
  return v;
}

}  // namespace

FvdProtocol parse_fvd_protocol(const std::string& name) {
  if (name == "stylegan-v") return FvdProtocol::kStyleganV;
  if (name == "common-metrics") return FvdProtocol::kCommonMetrics;
  throw InputError("fvd.protocol", "stylegan-v or common-metrics", "'" + name + "'");
}

const char* to_string(FvdProtocol protocol) {
  return protocol == FvdProtocol::kStyleganV ? "stylegan-v" : "common-metrics";
}

Covariance protocol_covariance(FvdProtocol protocol) {
  return protocol == FvdProtocol::kStyleganV ? Covariance::kBiased : Covariance::kUnbiased;
}

std::vector<int> clip_starts(int frames, int length, int stride) {
  std::vector<int> out;
  for (int s = 0; length > 0 && stride > 0 && s + length <= frames; s += stride) out.push_back(s);
  return out;
}

at::Tensor fvd_detector_input(const Video& video, const std::vector<int>& starts, int length,
                              FvdProtocol protocol) {
  std::vector<at::Tensor> clips;
  for (int s : starts) {
    const at::Tensor frames = rgb_frames(video, s, length);  // [T, 3, H, W]
    if (protocol == FvdProtocol::kStyleganV) {
      clips.push_back((frames * 255).round().clamp(0, 255).to(at::kByte).permute({1, 0, 2, 3}));
    } else {
      clips.push_back(common_metrics_clip(frames));
    }
  }
  return at::stack(clips).contiguous();
}

at::Tensor fvd_features(const ScriptedModel& detector, const Video& video, const std::vector<int>& starts,
                        int length, FvdProtocol protocol, int batch, const at::Device& device) {
  init_torch_threads();
  c10::InferenceMode guard;
  const bool inside = protocol == FvdProtocol::kStyleganV;
  std::vector<at::Tensor> parts;
  for (size_t first = 0; first < starts.size(); first += static_cast<size_t>(batch)) {
    const size_t count = std::min(static_cast<size_t>(batch), starts.size() - first);
    const std::vector<int> some(starts.begin() + static_cast<std::ptrdiff_t>(first),
                                starts.begin() + static_cast<std::ptrdiff_t>(first + count));
    const at::Tensor x = fvd_detector_input(video, some, length, protocol).to(device);
    const at::Tensor f =
        detector.forward({x}, {{"rescale", inside}, {"resize", inside}, {"return_features", true}});
    if (f.dim() != 2 || f.size(0) != static_cast<int64_t>(count)) {
      throw InputError("FVD detector", fmt::format("features of shape [{}, D]", count),
                       "shape " + shape_text(f.sizes()));
    }
    parts.push_back(f.to(at::kCPU).to(at::kDouble));
  }
  return at::cat(parts, 0).contiguous();
}

SetContribution fvd_contribution(const Video& ref, const Video& dist, const ParamSet& options,
                                 const ModelFile& detector_file) {
  check_learned_inputs(ref, dist);
  const FvdProtocol protocol = parse_fvd_protocol(options.get_string(learned_keys::kProtocol));
  const int length = static_cast<int>(options.get_int(learned_keys::kClipLength));
  const int stride_option = static_cast<int>(options.get_int(learned_keys::kClipStride));
  const int stride = stride_option > 0 ? stride_option : length;  // 0: back-to-back clips
  const at::Device device = parse_device(options.get_string(learned_keys::kDevice), "fvd.device");
  SetContribution c;
  c.metric = "fvd";
  std::shared_ptr<const ScriptedModel> detector;
  try {
    detector = ScriptedModel::get(detector_file, device);
  } catch (const ModelUnavailable& e) {
    c.available = false;
    c.reason = e.what();
    return c;
  }
  c.method = fmt::format("I3D SHA-256 {}, protocol {}, {}-frame clips every {} frames",
                         detector->sha256().substr(0, 12), to_string(protocol), length, stride);
  const std::vector<int> starts = clip_starts(ref.frame_count(), length, stride);
  c.clips = static_cast<int>(starts.size());
  if (starts.empty()) return c;
  const int batch = static_cast<int>(options.get_int(learned_keys::kBatch));
  const at::Tensor fr = fvd_features(*detector, ref, starts, length, protocol, batch, device);
  const at::Tensor fd = fvd_features(*detector, dist, starts, length, protocol, batch, device);
  c.dims = static_cast<int>(fr.size(1));
  c.reference.assign(fr.data_ptr<double>(), fr.data_ptr<double>() + fr.numel());
  c.distorted.assign(fd.data_ptr<double>(), fd.data_ptr<double>() + fd.numel());
  return c;
}

std::vector<MetricValue> fvd_finish(const std::vector<SetContribution>& cells, const ParamSet& options) {
  const FvdProtocol protocol = parse_fvd_protocol(options.get_string(learned_keys::kProtocol));
  const std::string cov_option = options.get_string(learned_keys::kCovariance);
  const Covariance convention = cov_option == "n"     ? Covariance::kBiased
                                : cov_option == "n-1" ? Covariance::kUnbiased
                                                      : protocol_covariance(protocol);
  const auto all_na = [](const std::string& reason) {
    return std::vector<MetricValue>{unavailable("fvd", "", reason),
                                    unavailable("fvd_clips", "clips", reason)};
  };
  int64_t n = 0;
  int dims = 0;
  std::string method;
  std::vector<double> ref, dist;
  for (const SetContribution& c : cells) {
    if (!c.available) return all_na(c.reason);
    if (c.clips == 0) continue;
    if (dims == 0) {
      dims = c.dims;
      method = c.method;
    }
    if (c.dims != dims || c.method != method) {
      throw InputError("fvd contributions", "one detector and protocol across the set (" + method + ")",
                       c.method);
    }
    if (c.reference.size() != static_cast<size_t>(c.clips) * c.dims ||
        c.distorted.size() != c.reference.size()) {
      throw InputError("fvd contribution", "clips x dims features", "a different count");
    }
    n += c.clips;
    ref.insert(ref.end(), c.reference.begin(), c.reference.end());
    dist.insert(dist.end(), c.distorted.begin(), c.distorted.end());
  }
  if (n < 2) {
    return all_na(fmt::format("{} clips of {} frames in the set; FVD needs at least 2", n,
                              options.get_int(learned_keys::kClipLength)));
  }
  const FrechetTerms t =
      frechet_distance(gaussian_stats(ref, n, dims, convention), gaussian_stats(dist, n, dims, convention));
  std::string convention_text = fmt::format(
      "FVD over N={} clips ({}; {}-d features, covariance divided by {}), Frechet distance of Gaussians "
      "fitted to source and decoded clips",
      n, method, dims, convention == Covariance::kBiased ? "N" : "N-1");
  if (n < dims) {
    convention_text += fmt::format(
        "; WARNING: N={} < {} feature dimensions: the covariances are singular and FVD is biased upwards; "
        "compare only values with equal N (papers use 2048 clips)",
        n, dims);
  }
  MetricValue fvd;
  fvd.name = "fvd";
  fvd.value = t.distance;
  fvd.convention = convention_text;
  MetricValue clips;
  clips.name = "fvd_clips";
  clips.value = static_cast<double>(n);
  clips.unit = "clips";
  clips.convention = "clips in the FVD set (N)";
  return {fvd, clips};
}

}  // namespace tgvc
