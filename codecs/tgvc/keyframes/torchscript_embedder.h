// T-GVC's TorchScript image embedder (the paper: OpenCLIP ViT-H-14's image tower), loaded from a
// file. The model runs in libtgvc_torch.so, loaded on first use, so this class and its users
// do not link LibTorch. Call contract and preprocessing: docs/tgvc.md, "TorchScript models".
#pragma once

#include <memory>
#include <string>

#include "codecs/tgvc/keyframes/image_embedder.h"

namespace tgvc {

class TorchEmbedderModel;

class TorchScriptEmbedder final : public ImageEmbedder {
 public:
  // Loads the TorchScript image tower in `path` on `device` ("cpu" or "cuda"); `where` names the
  // setting in messages. InputError: no such file (the message names it and how to fetch the
  // paper's model), a digest that differs from PATH.sha256, not TorchScript, a bad device.
  // tgvc::Error: the LibTorch library cannot be loaded.
  explicit TorchScriptEmbedder(const std::string& path, const std::string& device = "cpu",
                               const std::string& where = "tgvc embedder");
  ~TorchScriptEmbedder() override;

  std::string id() const override { return "torchscript"; }
  // "1 (model <first 12 hex digits of the file's SHA-256>)": another model is another version.
  std::string version() const override;
  // The tower's embedding of the frame, RGB preprocessed as OpenCLIP does. InputError naming the
  // file when the model's output is not one finite vector per image. Thread-safe.
  Embedding embed(const Frame& frame, ColourSpec colour) const override;
  // 1: the paper's thresholds were set for a CLIP tower.
  double dissimilarity_gain() const override { return 1.0; }

  const std::string& model_sha256() const;
  // The preprocessing applied, e.g. "224 px, mean (...), std (...) (from the model)".
  std::string preprocessing() const;

 private:
  std::shared_ptr<const TorchEmbedderModel> model_;
  std::string where_;
};

}  // namespace tgvc
