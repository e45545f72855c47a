// The learned codecs' part of libtgvc_torch.so, as the plugin's entry lists it.
#pragma once

#include "harness/torch/api/learned_network.h"

namespace tgvc::learned {

// The process-lifetime LearnedTorchBackend (model exports' stages and entropy tables).
const LearnedTorchBackend& learned_codecs_part();

}  // namespace tgvc::learned
