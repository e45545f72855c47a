// The learned metrics' part of libtgvc_torch.so, as the plugin's entry lists it.
#pragma once

#include "harness/torch/api/learned_backend.h"

namespace tgvc {

// The process-lifetime LearnedBackend (LPIPS, DISTS, CLIP-SIM, FVD).
const LearnedBackend& learned_metrics_part();

}  // namespace tgvc
