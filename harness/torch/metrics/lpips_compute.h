// LPIPS over videos: frames batched through one network, per-frame values and their mean.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "harness/core/frame.h"
#include "harness/core/params.h"
#include "harness/metrics/metric.h"
#include "harness/torch/api/learned_backend.h"
#include "harness/torch/metrics/lpips_network.h"

namespace tgvc {

// The source frames' five feature maps, made once per sequence and shared by the cells.
class LpipsSource;

// Features of the leading frames that fit in `budget_bytes` (whole batches of `batch` frames, so
// that every frame is computed in the same batch as without them).
std::shared_ptr<const LpipsSource> lpips_prepare_source(const LpipsNetwork& net, const Video& ref, int batch,
                                                        size_t budget_bytes);

// Per-frame LPIPS between `ref` and `dist` (checked comparable), `batch` frames per forward pass,
// on the device that holds `net`'s weights. Frames are RGB in [0, 1] mapped to [-1, 1]. With
// `source` (made from this `ref`, `net` and `batch`) its frames' features are taken from it; the
// values are bit-identical either way.
std::vector<double> lpips_per_frame(const LpipsNetwork& net, const Video& ref, const Video& dist, int batch,
                                    const LpipsSource* source = nullptr);

// The metric's value lpips_<net> for options net, device, batch and the backbone file (loaded once
// per file and device; n/a with the reason when the file is missing or altered). `prepared`: what
// lpips_prepare returned for this source and these options, or null.
std::vector<MetricValue> lpips_values(const Video& ref, const Video& dist, const ParamSet& options,
                                      const ModelFile& backbone, const PreparedSource* prepared = nullptr);
// The source side of lpips_values (at most kSharedSourceBudget); null when the backbone cannot be
// loaded (compute says why).
std::shared_ptr<const PreparedSource> lpips_prepare(const Video& ref, const ParamSet& options,
                                                    const ModelFile& backbone);

}  // namespace tgvc
