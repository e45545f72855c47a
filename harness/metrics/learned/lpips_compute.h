// LPIPS over videos: frames batched through one network, per-frame values and their mean.
#pragma once

#include <vector>

#include "harness/core/frame.h"
#include "harness/core/params.h"
#include "harness/metrics/learned/learned_backend.h"
#include "harness/metrics/learned/lpips_network.h"
#include "harness/metrics/metric.h"

namespace tgvc {

// Per-frame LPIPS between `ref` and `dist` (checked comparable), `batch` frames per forward pass,
// on the device that holds `net`'s weights. Frames are RGB in [0, 1] mapped to [-1, 1].
std::vector<double> lpips_per_frame(const LpipsNetwork& net, const Video& ref, const Video& dist, int batch);

// The metric's value lpips_<net> for options net, device, batch and the backbone file (loaded once
// per file and device; n/a with the reason when the file is missing or altered).
std::vector<MetricValue> lpips_values(const Video& ref, const Video& dist, const ParamSet& options,
                                      const ModelFile& backbone);

}  // namespace tgvc
