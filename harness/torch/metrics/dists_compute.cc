#include "harness/torch/metrics/dists_compute.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <string_view>
#include <tuple>

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>
#include <fmt/format.h>

#include "harness/core/error.h"
#include "harness/core/sha256.h"
#include "harness/torch/runtime/frame_tensors.h"
#include "harness/torch/runtime/model_check.h"
#include "harness/torch/runtime/torch_runtime.h"

// Generated at build time from third_party/dists (see this folder's CMakeLists.txt).
namespace tgvc::embedded {
extern const unsigned char kDistsWeightsPt[];
extern const size_t kDistsWeightsPtSize;
}  // namespace tgvc::embedded

namespace tgvc {

class DistsSource final : public PreparedSource {
 public:
  int batch = 0;
  int frames = 0;                             // leading frames held (whole batches)
  std::vector<std::vector<at::Tensor>> deep;  // per batch: stages 3, 4, 5
};

namespace {

// torchvision's indices of VGG16's convolutions and which stage (1..5) each belongs to.
constexpr int kConvIndex[13] = {0, 2, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28};
constexpr int kConvStage[13] = {1, 1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5};
constexpr int64_t kConvOut[13] = {64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512};
constexpr int kSharedFirstStage = 3;  // DistsSource holds stages 3..5
const float kMean[3] = {0.485f, 0.456f, 0.406f};
const float kStd[3] = {0.229f, 0.224f, 0.225f};
constexpr double kC1 = 1e-6, kC2 = 1e-6;

// The reference's L2pooling filter: np.hanning(5)[1:-1] = [0.5 1 0.5], outer product, divided by
// its sum: exact in float32.
at::Tensor hanning_filter(int64_t channels) {
  const float a[3] = {0.5f, 1.0f, 0.5f};
  at::Tensor g = at::empty({3, 3}, at::kFloat);
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) g[i][j] = a[i] * a[j] / 4.0f;
  }
  return g.view({1, 1, 3, 3}).repeat({channels, 1, 1, 1});
}

at::Tensor l2pool(const at::Tensor& h, const at::Tensor& filter) {
  const at::Tensor out = at::conv2d(h.pow(2), filter, {}, {2, 2}, {1, 1}, {1, 1}, h.size(1));
  return (out + 1e-12).sqrt();
}

std::vector<double> read_weights(const StateDict& alpha_beta, const char* key) {
  const at::Tensor t = require_tensor(alpha_beta, key, {1, 1475, 1, 1}, "DISTS alpha/beta weights")
                           .reshape({-1})
                           .to(at::kDouble)
                           .contiguous();
  return std::vector<double>(t.data_ptr<double>(), t.data_ptr<double>() + t.numel());
}

// Bytes of the deep stages of one frame of `width` x `height` (each L2 pooling: (n - 1) / 2 + 1).
size_t deep_bytes_per_frame(int width, int height) {
  int64_t w = width, h = height, total = 0;
  const int64_t channels[6] = {3, 64, 128, 256, 512, 512};
  for (int stage = 2; stage <= 5; ++stage) {
    w = (w - 1) / 2 + 1;
    h = (h - 1) / 2 + 1;
    if (stage >= kSharedFirstStage) total += channels[stage] * w * h;
  }
  return static_cast<size_t>(total) * sizeof(float);
}

std::vector<at::Tensor> moments_of(const std::vector<at::Tensor>& x, const std::vector<at::Tensor>& y) {
  std::vector<at::Tensor> out;
  for (size_t k = 0; k < x.size(); ++k) out.push_back(dists_channel_moments(x[k], y[k]));
  return out;
}

}  // namespace

std::vector<int64_t> dists_stage_channels() {
  return {3, 64, 128, 256, 512, 512};
}

at::Tensor dists_channel_moments(const at::Tensor& x, const at::Tensor& y) {
  if (!x.device().is_cpu()) return dists_channel_moments_by_tensors(x, y);
  const at::Tensor xc = x.contiguous(), yc = y.contiguous();
  const int64_t planes = xc.size(0) * xc.size(1), n = xc.size(2) * xc.size(3);
  at::Tensor out = at::empty({xc.size(0), xc.size(1), 5}, at::kDouble);
  const float* px = xc.data_ptr<float>();
  const float* py = yc.data_ptr<float>();
  double* po = out.data_ptr<double>();
  // One plane per task, summed sequentially: the result does not depend on the thread count.
  at::parallel_for(0, planes, 1, [&](int64_t begin, int64_t end) {
    for (int64_t p = begin; p < end; ++p) {
      const float* a = px + p * n;
      const float* b = py + p * n;
      double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
      for (int64_t i = 0; i < n; ++i) {
        const double u = a[i], v = b[i];
        sx += u;
        sy += v;
        sxx += u * u;
        syy += v * v;
        sxy += u * v;
      }
      const double mx = sx / static_cast<double>(n), my = sy / static_cast<double>(n);
      double* o = po + p * 5;
      o[0] = mx;
      o[1] = my;
      o[2] = sxx / static_cast<double>(n) - mx * mx;
      o[3] = syy / static_cast<double>(n) - my * my;
      o[4] = sxy / static_cast<double>(n) - mx * my;
    }
  });
  return out;
}

at::Tensor dists_channel_moments_by_tensors(const at::Tensor& x, const at::Tensor& y) {
  const at::Tensor a = x.to(at::kDouble), b = y.to(at::kDouble);
  const at::Tensor mx = a.mean({2, 3}), my = b.mean({2, 3});
  const at::Tensor vx = (a * a).mean({2, 3}) - mx * mx;
  const at::Tensor vy = (b * b).mean({2, 3}) - my * my;
  const at::Tensor cov = (a * b).mean({2, 3}) - mx * my;
  return at::stack({mx, my, vx, vy, cov}, 2).to(at::kCPU).contiguous();
}

DistsNetwork::DistsNetwork(std::vector<Conv> convs, std::vector<at::Tensor> pools, std::vector<double> alpha,
                           std::vector<double> beta)
    : convs_(std::move(convs)), pools_(std::move(pools)), alpha_(std::move(alpha)), beta_(std::move(beta)) {}

DistsNetwork::DistsNetwork(const StateDict& backbone, const StateDict& alpha_beta, const std::string& where) {
  int64_t in = 3;
  for (int i = 0; i < 13; ++i) {
    Conv c;
    c.weight = require_tensor(backbone, fmt::format("features.{}.weight", kConvIndex[i]),
                              {kConvOut[i], in, 3, 3}, where);
    c.bias = require_tensor(backbone, fmt::format("features.{}.bias", kConvIndex[i]), {kConvOut[i]}, where);
    convs_.push_back(std::move(c));
    in = kConvOut[i];
  }
  for (int64_t channels : {64, 128, 256, 512}) pools_.push_back(hanning_filter(channels));
  alpha_ = read_weights(alpha_beta, "alpha");
  beta_ = read_weights(alpha_beta, "beta");
  double total = 0;
  for (double a : alpha_) total += a;
  for (double b : beta_) total += b;
  for (double& a : alpha_) a /= total;
  for (double& b : beta_) b /= total;
}

DistsNetwork DistsNetwork::with_random_backbone(uint64_t seed, const StateDict& alpha_beta) {
  at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  StateDict backbone;
  int64_t in = 3;
  for (int i = 0; i < 13; ++i) {
    const double std = std::sqrt(2.0 / static_cast<double>(in * 9));  // He: activations stay in range
    backbone.emplace_back(fmt::format("features.{}.weight", kConvIndex[i]),
                          at::normal(0.0, std, {kConvOut[i], in, 3, 3}, gen, at::TensorOptions(at::kFloat)));
    backbone.emplace_back(fmt::format("features.{}.bias", kConvIndex[i]),
                          at::normal(0.0, 0.01, {kConvOut[i]}, gen, at::TensorOptions(at::kFloat)));
    in = kConvOut[i];
  }
  return DistsNetwork(backbone, alpha_beta, "random backbone");
}

DistsNetwork DistsNetwork::to(const at::Device& device) const {
  std::vector<Conv> convs = convs_;
  for (Conv& c : convs) {
    c.weight = c.weight.to(device);
    c.bias = c.bias.to(device);
  }
  std::vector<at::Tensor> pools;
  for (const at::Tensor& p : pools_) pools.push_back(p.to(device));
  return DistsNetwork(std::move(convs), std::move(pools), alpha_, beta_);
}

std::vector<at::Tensor> DistsNetwork::stages(const at::Tensor& x, int count) const {
  const at::Tensor mean = at::tensor(at::ArrayRef<float>(kMean, 3)).to(x.device()).view({1, 3, 1, 1});
  const at::Tensor std = at::tensor(at::ArrayRef<float>(kStd, 3)).to(x.device()).view({1, 3, 1, 1});
  std::vector<at::Tensor> out = {x};
  at::Tensor h = (x - mean) / std;
  int stage = 1;
  for (int i = 0; i < 13 && stage < count; ++i) {
    if (kConvStage[i] != stage) {  // the stage ends after its last convolution's ReLU
      out.push_back(h);
      if (++stage >= count) break;
      h = l2pool(h, pools_[static_cast<size_t>(stage - 2)]);
    }
    h = at::relu(at::conv2d(h, convs_[static_cast<size_t>(i)].weight, convs_[static_cast<size_t>(i)].bias,
                            {1, 1}, {1, 1}));
  }
  if (static_cast<int>(out.size()) < count) out.push_back(h);
  return out;
}

std::vector<double> DistsNetwork::scores(const std::vector<at::Tensor>& moments) const {
  const int64_t batch = moments.at(0).size(0);
  std::vector<double> out(static_cast<size_t>(batch));
  for (int64_t b = 0; b < batch; ++b) {
    double similarity = 0;
    size_t w = 0;  // index into alpha and beta: the stages' channels in order
    for (const at::Tensor& m : moments) {
      const double* p = m.data_ptr<double>() + b * m.size(1) * 5;
      for (int64_t c = 0; c < m.size(1); ++c, ++w, p += 5) {
        const double structure = (2 * p[0] * p[1] + kC1) / (p[0] * p[0] + p[1] * p[1] + kC1);
        const double texture = (2 * p[4] + kC2) / (p[2] + p[3] + kC2);
        similarity += alpha_[w] * structure + beta_[w] * texture;
      }
    }
    out[static_cast<size_t>(b)] = 1 - similarity;
  }
  return out;
}

std::shared_ptr<const DistsSource> dists_prepare_source(const DistsNetwork& net, const Video& ref, int batch,
                                                        size_t budget_bytes) {
  init_torch_threads();
  c10::InferenceMode guard;
  auto source = std::make_shared<DistsSource>();
  source->batch = batch;
  const size_t per_frame = deep_bytes_per_frame(ref.info.width, ref.info.height);
  size_t used = 0;
  for (int first = 0; first < ref.frame_count(); first += batch) {
    const int count = std::min(batch, ref.frame_count() - first);
    if (used + per_frame * static_cast<size_t>(count) > budget_bytes) break;
    used += per_frame * static_cast<size_t>(count);
    std::vector<at::Tensor> all = net.stages(rgb_frames(ref, first, count).to(net.device()));
    source->deep.emplace_back(all.begin() + kSharedFirstStage, all.end());
    source->frames = first + count;
  }
  return source;
}

std::vector<double> dists_per_frame(const DistsNetwork& net, const Video& ref, const Video& dist, int batch,
                                    const DistsSource* source) {
  check_learned_inputs(ref, dist);
  init_torch_threads();
  c10::InferenceMode guard;
  if (source && source->batch != batch) throw Error("dists: the prepared source was made for another batch");
  const at::Device device = net.device();
  std::vector<double> out;
  out.reserve(static_cast<size_t>(ref.frame_count()));
  for (int first = 0; first < ref.frame_count(); first += batch) {
    const int count = std::min(batch, ref.frame_count() - first);
    const bool shared = source && first + count <= source->frames;
    // The source and the distorted frames pass separately, as the reference does and as the
    // prepared source did, so that every frame meets the same computation either way.
    std::vector<at::Tensor> x =
        net.stages(rgb_frames(ref, first, count).to(device), shared ? kSharedFirstStage : 6);
    if (shared) {
      const std::vector<at::Tensor>& deep = source->deep[static_cast<size_t>(first / batch)];
      x.insert(x.end(), deep.begin(), deep.end());
    }
    const std::vector<at::Tensor> y = net.stages(rgb_frames(dist, first, count).to(device));
    for (double v : net.scores(moments_of(x, y))) out.push_back(v);
  }
  return out;
}

namespace {

struct BuiltinWeights {
  StateDict dict;
  std::string sha256;
};

const BuiltinWeights& builtin_weights() {
  static const BuiltinWeights w{
      read_state_dict(embedded::kDistsWeightsPt, embedded::kDistsWeightsPtSize,
                      "built-in third_party/dists/weights.pt"),
      sha256_hex(std::string_view(reinterpret_cast<const char*>(embedded::kDistsWeightsPt),
                                  embedded::kDistsWeightsPtSize))};
  return w;
}

struct LoadedNetwork {
  std::shared_ptr<const DistsNetwork> net;
  std::string sha256;
};

LoadedNetwork load_network(const ModelFile& backbone, const at::Device& device) {
  const std::string sha = verify_model_file(backbone);
  using Key = std::tuple<std::string, std::string, std::string>;
  static std::mutex mutex;
  static std::map<Key, std::shared_ptr<const DistsNetwork>> cache;
  const Key key{backbone.path, sha, device.str()};
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(key);
  if (it == cache.end()) {
    const DistsNetwork net(read_state_dict(backbone.path), dists_builtin_alpha_beta(), backbone.path);
    it = cache.emplace(key, std::make_shared<const DistsNetwork>(net.to(device))).first;
  }
  return {it->second, sha};
}

// A prepared source with what made it, so that a mismatched one is refused rather than used.
class DistsPrepared final : public PreparedSource {
 public:
  std::string backbone_sha256, device;
  std::shared_ptr<const DistsSource> source;
};

}  // namespace

const StateDict& dists_builtin_alpha_beta() {
  return builtin_weights().dict;
}

const std::string& dists_builtin_alpha_beta_sha256() {
  return builtin_weights().sha256;
}

std::vector<MetricValue> dists_values(const Video& ref, const Video& dist, const ParamSet& options,
                                      const ModelFile& backbone, const PreparedSource* prepared) {
  check_learned_inputs(ref, dist);
  MetricValue v;
  v.name = "dists";
  if (ref.frame_count() == 0) {
    v.available = false;
    v.reason = "the videos have no frames";
    return {v};
  }
  const at::Device device = parse_device(options.get_string(learned_keys::kDevice), "dists.device");
  const int batch = static_cast<int>(options.get_int(learned_keys::kBatch));
  LoadedNetwork loaded;
  try {
    loaded = load_network(backbone, device);
  } catch (const ModelUnavailable& e) {
    v.available = false;
    v.reason = e.what();
    return {v};
  }
  const auto* own = dynamic_cast<const DistsPrepared*>(prepared);
  const bool usable = own && own->backbone_sha256 == loaded.sha256 && own->device == device.str();
  v.per_frame = dists_per_frame(*loaded.net, ref, dist, batch, usable ? own->source.get() : nullptr);
  double sum = 0;
  for (double f : v.per_frame) sum += f;
  v.value = sum / static_cast<double>(v.per_frame.size());
  const bool yuv = ref.info.format.family == ColourFamily::kYuv;
  v.convention = fmt::format(
      "DISTS (Ding et al. 2020, reference DISTS_pytorch): RGB{} in [0,1] at the coded size (no resize), "
      "ImageNet mean/std inside the network; torchvision VGG16 (backbone SHA-256 {}) with L2 pooling; "
      "input + 5 stages, per-channel mean/variance/covariance over the whole map (divisor N, in double), "
      "c1 = c2 = 1e-6, alpha/beta {} normalised by their sum; 1 - sum; per frame, mean over frames; float32 "
      "features on {}",
      yuv ? fmt::format(" (from YUV, {} {} range)", to_string(ref.info.colour.matrix),
                        to_string(ref.info.colour.range))
          : "",
      loaded.sha256.substr(0, 12), dists_builtin_alpha_beta_sha256().substr(0, 12), device.str());
  return {v};
}

std::shared_ptr<const PreparedSource> dists_prepare(const Video& ref, const ParamSet& options,
                                                    const ModelFile& backbone) {
  const at::Device device = parse_device(options.get_string(learned_keys::kDevice), "dists.device");
  LoadedNetwork loaded;
  try {
    loaded = load_network(backbone, device);
  } catch (const ModelUnavailable&) {
    return nullptr;
  }
  auto out = std::make_shared<DistsPrepared>();
  out->backbone_sha256 = loaded.sha256;
  out->device = device.str();
  out->source = dists_prepare_source(
      *loaded.net, ref, static_cast<int>(options.get_int(learned_keys::kBatch)), kSharedSourceBudget);
  return out;
}

}  // namespace tgvc
