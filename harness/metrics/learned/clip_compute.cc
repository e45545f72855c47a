#include "harness/metrics/learned/clip_compute.h"

#include <algorithm>
#include <cfenv>
#include <cmath>

#include <c10/core/InferenceMode.h>
#include <fmt/format.h>

#include "harness/core/error.h"
#include "harness/metrics/learned/frame_tensors.h"
#include "harness/metrics/learned/model_check.h"
#include "harness/metrics/learned/torch_runtime.h"

namespace tgvc {
namespace {

// Python's round() (half to even), as torchvision's CenterCrop uses it.
int64_t round_half_even(double x) {
  const int saved = std::fegetround();
  std::fesetround(FE_TONEAREST);
  const double r = std::nearbyint(x);
  std::fesetround(saved);
  return static_cast<int64_t>(r);
}

// Embeddings [B, D] as double on the CPU.
at::Tensor embed(const ScriptedModel& tower, const ClipPreprocess& p, const at::Tensor& rgb,
                 const at::Device& device) {
  const at::Tensor x = clip_preprocess(rgb, p).to(device);
  const at::Tensor e = tower.forward({x});
  if (e.dim() != 2 || e.size(0) != rgb.size(0)) {
    throw InputError("CLIP image tower", fmt::format("embeddings of shape [{}, D]", rgb.size(0)),
                     "shape " + shape_text(e.sizes()));
  }
  return e.to(at::kCPU).to(at::kDouble).contiguous();
}

}  // namespace

ClipPreprocess clip_preprocess_of(const ScriptedModel& tower, const std::string& where) {
  ClipPreprocess p;
  if (const auto size = tower.int_attribute("image_size")) {
    if (*size < 1 || *size > 4096) throw InputError(where + ": image_size", "1..4096", std::to_string(*size));
    p.image_size = *size;
    p.from_model = true;
  }
  for (const auto& [name, target] : {std::pair<const char*, std::vector<double>*>{"image_mean", &p.mean},
                                     std::pair<const char*, std::vector<double>*>{"image_std", &p.std}}) {
    if (const auto v = tower.float_list_attribute(name)) {
      if (v->size() != 3) throw InputError(where + ": " + name, "3 values", std::to_string(v->size()));
      *target = *v;
      p.from_model = true;
    }
  }
  for (double s : p.std) {
    if (!(s > 0)) throw InputError(where + ": image_std", "positive values", std::to_string(s));
  }
  return p;
}

at::Tensor clip_preprocess(const at::Tensor& rgb, const ClipPreprocess& p) {
  const int64_t h = rgb.size(2);
  const int64_t w = rgb.size(3);
  const int64_t s = p.image_size;
  // torchvision Resize(int): the shorter side becomes s, the longer side int(s * long / short).
  const int64_t nh = h <= w ? s : static_cast<int64_t>(static_cast<double>(s) * h / w);
  const int64_t nw = h <= w ? static_cast<int64_t>(static_cast<double>(s) * w / h) : s;
  at::Tensor x = rgb;
  if (nh != h || nw != w) x = at::_upsample_bicubic2d_aa(rgb, {nh, nw}, false);
  x = (x * 255).round().clamp(0, 255) / 255;  // PIL keeps 8-bit samples
  const int64_t top = round_half_even((nh - s) / 2.0);
  const int64_t left = round_half_even((nw - s) / 2.0);
  x = x.narrow(2, top, s).narrow(3, left, s);
  const at::Tensor mean = at::tensor(p.mean, at::kFloat).view({1, 3, 1, 1});
  const at::Tensor std = at::tensor(p.std, at::kFloat).view({1, 3, 1, 1});
  return ((x - mean) / std).contiguous();
}

std::vector<double> clip_similarity_per_frame(const ScriptedModel& tower, const ClipPreprocess& p,
                                              const Video& ref, const Video& dist, int batch,
                                              const at::Device& device) {
  check_learned_inputs(ref, dist);
  init_torch_threads();
  c10::InferenceMode guard;
  std::vector<double> out;
  for (int first = 0; first < ref.frame_count(); first += batch) {
    const int count = std::min(batch, ref.frame_count() - first);
    const at::Tensor a = embed(tower, p, rgb_frames(ref, first, count), device);
    const at::Tensor b = embed(tower, p, rgb_frames(dist, first, count), device);
    auto ea = a.accessor<double, 2>();
    auto eb = b.accessor<double, 2>();
    for (int i = 0; i < count; ++i) {
      double dot = 0, na = 0, nb = 0;
      for (int64_t d = 0; d < a.size(1); ++d) {
        dot += ea[i][d] * eb[i][d];
        na += ea[i][d] * ea[i][d];
        nb += eb[i][d] * eb[i][d];
      }
      // Two zero embeddings are the same picture; one zero embedding is unrelated to any other.
      out.push_back(na == 0 && nb == 0 ? 1.0 : (na == 0 || nb == 0) ? 0.0 : dot / std::sqrt(na * nb));
    }
  }
  return out;
}

std::vector<MetricValue> clipsim_values(const Video& ref, const Video& dist, const ParamSet& options,
                                        const ModelFile& tower_file) {
  check_learned_inputs(ref, dist);
  MetricValue v;
  v.name = "clipsim";
  if (ref.frame_count() == 0) {
    v.available = false;
    v.reason = "the videos have no frames";
    return {v};
  }
  const at::Device device = parse_device(options.get_string(learned_keys::kDevice), "clipsim.device");
  std::shared_ptr<const ScriptedModel> tower;
  try {
    tower = ScriptedModel::get(tower_file, device);
  } catch (const ModelUnavailable& e) {
    v.available = false;
    v.reason = e.what();
    return {v};
  }
  const ClipPreprocess p = clip_preprocess_of(*tower, tower_file.path);
  v.per_frame = clip_similarity_per_frame(*tower, p, ref, dist,
                                          static_cast<int>(options.get_int(learned_keys::kBatch)), device);
  double sum = 0;
  for (double f : v.per_frame) sum += f;
  v.value = sum / static_cast<double>(v.per_frame.size());
  v.convention = fmt::format(
      "CLIP-SIM: cosine similarity of CLIP image embeddings (tower {}SHA-256 {}); RGB resized (bicubic, "
      "antialiased, 8-bit) so the shorter side is {}, centre crop {}x{}, mean ({:.4f}, {:.4f}, {:.4f}) std "
      "({:.4f}, {:.4f}, {:.4f}) ({}); per frame, mean over frames; on {}",
      tower_file.name.empty() ? "" : tower_file.name + ", ", tower->sha256().substr(0, 12), p.image_size,
      p.image_size, p.image_size, p.mean[0], p.mean[1], p.mean[2], p.std[0], p.std[1], p.std[2],
      p.from_model ? "from the model" : "OpenCLIP defaults", device.str());
  return {v};
}

}  // namespace tgvc
