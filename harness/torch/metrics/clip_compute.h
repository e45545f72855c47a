// CLIP-SIM: the cosine similarity of CLIP image embeddings of source and decoded frames. The image
// tower is a TorchScript module mapping normalised [B, 3, S, S] images to [B, D] embeddings; the
// preprocessing is the model's own, as OpenCLIP does it (harness/torch/runtime/clip_preprocess.h).
#pragma once

#include <string>
#include <vector>

#include <ATen/ATen.h>

#include "harness/core/frame.h"
#include "harness/core/params.h"
#include "harness/metrics/metric.h"
#include "harness/torch/api/learned_backend.h"
#include "harness/torch/runtime/clip_preprocess.h"
#include "harness/torch/runtime/scripted_model.h"

namespace tgvc {

// Per-frame cosine similarity of the embeddings of `ref` and `dist` frames, `batch` frames per call.
std::vector<double> clip_similarity_per_frame(const ScriptedModel& tower, const ClipPreprocess& p,
                                              const Video& ref, const Video& dist, int batch,
                                              const at::Device& device);

// The metric's value `clipsim` for options device, batch and the tower file.
std::vector<MetricValue> clipsim_values(const Video& ref, const Video& dist, const ParamSet& options,
                                        const ModelFile& tower);

}  // namespace tgvc
