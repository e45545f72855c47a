// A model export (docs/learned-codecs.md, "Exports") loaded with LibTorch: its four stages and its
// entropy tables. The only file of the learned codecs that includes LibTorch's JIT headers.
#pragma once

#include <memory>
#include <string>

#include "harness/torch/api/learned_network.h"

namespace tgvc::learned {

// The export at `path` on `device`, loaded once per process per digest and device (see
// LearnedTorchBackend::load).
std::shared_ptr<const LearnedNetwork> load_torch_learned_network(const std::string& path,
                                                                 const std::string& sha256,
                                                                 const std::string& device,
                                                                 const std::string& where);

}  // namespace tgvc::learned
