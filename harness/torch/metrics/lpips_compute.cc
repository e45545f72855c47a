#include "harness/torch/metrics/lpips_compute.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>

#include <c10/core/InferenceMode.h>
#include <fmt/format.h>

#include "harness/torch/metrics/lpips_linear_weights.h"
#include "harness/torch/runtime/frame_tensors.h"
#include "harness/torch/runtime/model_check.h"
#include "harness/torch/runtime/torch_runtime.h"

namespace tgvc {

class LpipsSource final : public PreparedSource {
 public:
  int batch = 0;
  int frames = 0;                                 // leading frames held (whole batches)
  std::vector<std::vector<at::Tensor>> features;  // per batch: the five feature maps
};

namespace {

// A prepared source with what made it, so that a mismatched one is refused rather than used.
class LpipsPrepared final : public PreparedSource {
 public:
  std::string backbone_sha256, device;
  LpipsNet kind = LpipsNet::kAlex;
  std::shared_ptr<const LpipsSource> source;
};

struct LoadedNetwork {
  std::shared_ptr<const LpipsNetwork> net;
  std::string sha256;
};

LoadedNetwork load_network(LpipsNet kind, const ModelFile& backbone, const at::Device& device) {
  const std::string sha = verify_model_file(backbone);
  using Key = std::tuple<std::string, std::string, int, std::string>;
  static std::mutex mutex;
  static std::map<Key, std::shared_ptr<const LpipsNetwork>> cache;
  const Key key{backbone.path, sha, static_cast<int>(kind), device.str()};
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(key);
  if (it == cache.end()) {
    const StateDict weights = read_state_dict(backbone.path);
    const LpipsNetwork net(kind, weights, lpips_linear_state_dict(kind), backbone.path);
    it = cache.emplace(key, std::make_shared<const LpipsNetwork>(net.to(device))).first;
  }
  return {it->second, sha};
}

MetricValue lpips_value(LpipsNet net) {
  MetricValue v;
  v.name = std::string("lpips_") + to_string(net);
  v.unit = "";
  return v;
}

}  // namespace

std::shared_ptr<const LpipsSource> lpips_prepare_source(const LpipsNetwork& net, const Video& ref, int batch,
                                                        size_t budget_bytes) {
  init_torch_threads();
  c10::InferenceMode guard;
  auto source = std::make_shared<LpipsSource>();
  source->batch = batch;
  size_t used = 0;
  for (int first = 0; first < ref.frame_count(); first += batch) {
    const int count = std::min(batch, ref.frame_count() - first);
    std::vector<at::Tensor> f = net.features((rgb_frames(ref, first, count) * 2 - 1).to(net.device()));
    for (const at::Tensor& t : f) used += static_cast<size_t>(t.numel()) * sizeof(float);
    if (used > budget_bytes) break;  // this batch is computed again by each cell
    source->features.push_back(std::move(f));
    source->frames = first + count;
  }
  return source;
}

std::vector<double> lpips_per_frame(const LpipsNetwork& net, const Video& ref, const Video& dist, int batch,
                                    const LpipsSource* source) {
  check_learned_inputs(ref, dist);
  init_torch_threads();
  c10::InferenceMode guard;
  if (source && source->batch != batch) throw Error("lpips: the prepared source was made for another batch");
  const at::Device device = net.device();
  std::vector<double> out;
  out.reserve(static_cast<size_t>(ref.frame_count()));
  for (int first = 0; first < ref.frame_count(); first += batch) {
    const int count = std::min(batch, ref.frame_count() - first);
    const bool shared = source && first + count <= source->frames;
    const std::vector<at::Tensor> a = shared
                                          ? source->features[static_cast<size_t>(first / batch)]
                                          : net.features((rgb_frames(ref, first, count) * 2 - 1).to(device));
    const std::vector<at::Tensor> b = net.features((rgb_frames(dist, first, count) * 2 - 1).to(device));
    const at::Tensor layers = net.layer_distances(a, b);
    auto acc = layers.accessor<double, 2>();
    for (int i = 0; i < count; ++i) {
      double sum = 0;
      for (int64_t k = 0; k < layers.size(1); ++k) sum += acc[i][k];
      out.push_back(sum);
    }
  }
  return out;
}

std::vector<MetricValue> lpips_values(const Video& ref, const Video& dist, const ParamSet& options,
                                      const ModelFile& backbone, const PreparedSource* prepared) {
  check_learned_inputs(ref, dist);
  const LpipsNet kind = options.get_string(learned_keys::kNet) == "vgg" ? LpipsNet::kVgg : LpipsNet::kAlex;
  MetricValue v = lpips_value(kind);
  if (ref.frame_count() == 0) {
    v.available = false;
    v.reason = "the videos have no frames";
    return {v};
  }
  const at::Device device = parse_device(options.get_string(learned_keys::kDevice), "lpips.device");
  const int batch = static_cast<int>(options.get_int(learned_keys::kBatch));
  LoadedNetwork loaded;
  try {
    loaded = load_network(kind, backbone, device);
  } catch (const ModelUnavailable& e) {
    v.available = false;
    v.reason = e.what();
    return {v};
  }
  const auto* own = dynamic_cast<const LpipsPrepared*>(prepared);
  const bool usable =
      own && own->kind == kind && own->backbone_sha256 == loaded.sha256 && own->device == device.str();
  v.per_frame = lpips_per_frame(*loaded.net, ref, dist, batch, usable ? own->source.get() : nullptr);
  double sum = 0;
  for (double f : v.per_frame) sum += f;
  v.value = sum / static_cast<double>(v.per_frame.size());
  const bool yuv = ref.info.format.family == ColourFamily::kYuv;
  v.convention = fmt::format(
      "LPIPS v0.1 {}: torchvision {} features (backbone SHA-256 {}), v0.1 linear layers (SHA-256 {}); "
      "RGB{} mapped to [-1,1], ScalingLayer, unit-normalised features (eps 1e-10 on the norm), squared "
      "differences weighted per channel, spatial mean, sum over 5 layers; per frame, mean over frames; "
      "float32 on {}",
      to_string(kind), kind == LpipsNet::kAlex ? "AlexNet" : "VGG16", loaded.sha256.substr(0, 12),
      lpips_linear_sha256(kind).substr(0, 12),
      yuv ? fmt::format(" (from YUV, {} {} range)", to_string(ref.info.colour.matrix),
                        to_string(ref.info.colour.range))
          : "",
      device.str());
  return {v};
}

std::shared_ptr<const PreparedSource> lpips_prepare(const Video& ref, const ParamSet& options,
                                                    const ModelFile& backbone) {
  const LpipsNet kind = options.get_string(learned_keys::kNet) == "vgg" ? LpipsNet::kVgg : LpipsNet::kAlex;
  const at::Device device = parse_device(options.get_string(learned_keys::kDevice), "lpips.device");
  LoadedNetwork loaded;
  try {
    loaded = load_network(kind, backbone, device);
  } catch (const ModelUnavailable&) {
    return nullptr;
  }
  auto out = std::make_shared<LpipsPrepared>();
  out->backbone_sha256 = loaded.sha256;
  out->device = device.str();
  out->kind = kind;
  out->source = lpips_prepare_source(
      *loaded.net, ref, static_cast<int>(options.get_int(learned_keys::kBatch)), kSharedSourceBudget);
  return out;
}

}  // namespace tgvc
