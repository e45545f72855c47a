#include "harness/torch/metrics/clip_compute.h"

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
