// The TorchScript point tracker behind TorchScriptTracker (CoTracker3's call convention): frames
// to RGB 0..255, resized to the model's height x width and padded to its frame count when it
// declares them, queries converted to its pixel-centre convention and split into batches of its
// point count, outputs checked and converted back.
#pragma once

#include <memory>
#include <string>

#include "harness/torch/api/tgvc_torch_backend.h"

namespace tgvc {

std::shared_ptr<const TorchTrackerModel> load_torch_tracker(const TorchModelFile& file,
                                                            const std::string& device);

}  // namespace tgvc
