#include "harness/torch/tgvc/torch_embedder_model.h"

#include <cmath>

#include <c10/core/InferenceMode.h>
#include <fmt/format.h>

#include "harness/core/error.h"
#include "harness/torch/runtime/clip_preprocess.h"
#include "harness/torch/runtime/frame_tensors.h"
#include "harness/torch/runtime/scripted_model.h"
#include "harness/torch/runtime/torch_runtime.h"
#include "harness/torch/tgvc/checked_model_file.h"

namespace tgvc {
namespace {

constexpr const char* kContract =
    "an image embedder: forward(images [N, 3, S, S]) -> embeddings [N, D] (docs/tgvc.md)";

class ScriptedEmbedder final : public TorchEmbedderModel {
 public:
  ScriptedEmbedder(std::shared_ptr<const ScriptedModel> model, ClipPreprocess preprocess, at::Device device,
                   std::string where)
      : model_(std::move(model)),
        preprocess_(std::move(preprocess)),
        device_(device),
        where_(std::move(where)) {}

  const std::string& sha256() const override { return model_->sha256(); }

  std::string preprocessing() const override {
    const ClipPreprocess& p = preprocess_;
    return fmt::format("{} px, mean ({:.4f}, {:.4f}, {:.4f}), std ({:.4f}, {:.4f}, {:.4f}) ({})",
                       p.image_size, p.mean[0], p.mean[1], p.mean[2], p.std[0], p.std[1], p.std[2],
                       p.from_model ? "from the model" : "OpenCLIP defaults");
  }

  std::vector<float> embed(const Frame& frame, ColourSpec colour) const override {
    Video one;
    one.info.width = frame.width();
    one.info.height = frame.height();
    one.info.format = frame.format;
    one.info.colour = colour;
    one.frames.push_back(frame);
    c10::InferenceMode guard;
    const at::Tensor input = clip_preprocess(rgb_frames(one, 0, 1), preprocess_).to(device_);
    at::Tensor e;
    try {
      e = model_->forward({input});
    } catch (const InputError& error) {  // the model refused the input or returned no tensor
      throw InputError(where_, kContract, error.found());
    }
    if (e.dim() != 2 || e.size(0) != 1 || e.size(1) < 1 || !e.is_floating_point()) {
      throw InputError(
          where_, kContract,
          fmt::format("{} of shape {} for 1 image", c10::toString(e.scalar_type()), shape_text(e.sizes())));
    }
    const at::Tensor values = e.to(at::kCPU).to(at::kFloat).contiguous();
    const float* v = values.data_ptr<float>();
    std::vector<float> out(v, v + values.size(1));
    for (size_t i = 0; i < out.size(); ++i) {
      if (!std::isfinite(out[i]))
        throw InputError(where_, "finite embeddings", fmt::format("{} at {}", out[i], i));
    }
    return out;
  }

 private:
  std::shared_ptr<const ScriptedModel> model_;
  ClipPreprocess preprocess_;
  at::Device device_;
  std::string where_;
};

}  // namespace

std::shared_ptr<const TorchEmbedderModel> load_torch_embedder(const TorchModelFile& file,
                                                              const std::string& device) {
  init_torch_threads();
  const std::string where = file.where + " " + file.path;
  const at::Device dev = parse_device(device, file.where + " device");
  verify_tgvc_model_file(file);
  ModelFile model;
  model.path = file.path;
  model.sha256 = file.sha256;
  std::shared_ptr<const ScriptedModel> tower;
  try {
    tower = ScriptedModel::get(model, dev);  // the check above is remembered: not hashed again
  } catch (const InputError& e) {            // not TorchScript
    throw InputError(where, e.expected(), e.found());
  }
  return std::make_shared<ScriptedEmbedder>(tower, clip_preprocess_of(*tower, where), dev, where);
}

}  // namespace tgvc
