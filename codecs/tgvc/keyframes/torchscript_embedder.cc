#include "codecs/tgvc/keyframes/torchscript_embedder.h"

#include "codecs/tgvc/torch/api/tgvc_torch_loader.h"
#include "codecs/tgvc/torch/api/torch_model_file.h"

namespace tgvc {

TorchScriptEmbedder::TorchScriptEmbedder(const std::string& path, const std::string& device,
                                         const std::string& where)
    : where_(where) {
  const TorchModelFile file = torch_model_file(path, {where, "thumbnail", "openclip-vit-h-14-image"});
  model_ = require_tgvc_torch_backend(where).embedder(file, device);
}

TorchScriptEmbedder::~TorchScriptEmbedder() = default;

std::string TorchScriptEmbedder::version() const {
  return "1 (model " + model_->sha256().substr(0, 12) + ")";
}

Embedding TorchScriptEmbedder::embed(const Frame& frame, ColourSpec colour) const {
  check_frame_planes(frame, where_ + " input frame");
  return model_->embed(frame, colour);
}

const std::string& TorchScriptEmbedder::model_sha256() const {
  return model_->sha256();
}

std::string TorchScriptEmbedder::preprocessing() const {
  return model_->preprocessing();
}

}  // namespace tgvc
