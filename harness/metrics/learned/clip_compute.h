// CLIP-SIM: the cosine similarity of CLIP image embeddings of source and decoded frames. The image
// tower is a TorchScript module mapping normalised [B, 3, S, S] images to [B, D] embeddings; the
// preprocessing is the model's own: an exporter may store image_size (int), image_mean and
// image_std (lists of 3 floats) as attributes, and OpenCLIP's defaults (224, OpenAI mean/std) apply
// otherwise. Resize as OpenCLIP (torchvision Resize(S) on PIL images): bicubic with antialiasing so
// that the shorter side is S (the longer side truncated), values rounded to 8 bits as PIL stores
// them, centre crop S x S, then (x - mean) / std.
#pragma once

#include <string>
#include <vector>

#include <ATen/ATen.h>

#include "harness/core/frame.h"
#include "harness/core/params.h"
#include "harness/metrics/learned/learned_backend.h"
#include "harness/metrics/learned/scripted_model.h"
#include "harness/metrics/metric.h"

namespace tgvc {

struct ClipPreprocess {
  int64_t image_size = 224;
  std::vector<double> mean = {0.48145466, 0.4578275, 0.40821073};
  std::vector<double> std = {0.26862954, 0.26130258, 0.27577711};
  bool from_model = false;  // the values came from the model's attributes
};

// The tower's preprocessing (its attributes, else the defaults above). InputError for bad values.
ClipPreprocess clip_preprocess_of(const ScriptedModel& tower, const std::string& where);

// RGB [B, 3, H, W] in [0, 1] to the tower's input [B, 3, S, S].
at::Tensor clip_preprocess(const at::Tensor& rgb, const ClipPreprocess& p);

// Per-frame cosine similarity of the embeddings of `ref` and `dist` frames, `batch` frames per call.
std::vector<double> clip_similarity_per_frame(const ScriptedModel& tower, const ClipPreprocess& p,
                                              const Video& ref, const Video& dist, int batch,
                                              const at::Device& device);

// The metric's value `clipsim` for options device, batch and the tower file.
std::vector<MetricValue> clipsim_values(const Video& ref, const Video& dist, const ParamSet& options,
                                        const ModelFile& tower);

}  // namespace tgvc
