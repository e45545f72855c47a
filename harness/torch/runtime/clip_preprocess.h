// CLIP's image preprocessing as OpenCLIP does it, shared by CLIP-SIM (harness/torch/metrics) and
// T-GVC's TorchScript embedder (harness/torch/tgvc): the model's image_size (int), image_mean and
// image_std (lists of 3 floats) attributes when an exporter stored them, OpenCLIP's defaults (224,
// OpenAI mean/std) otherwise. Resize as OpenCLIP (torchvision Resize(S) on PIL images): bicubic
// with antialiasing so that the shorter side is S (the longer side truncated), values rounded to
// 8 bits as PIL stores them, centre crop S x S, then (x - mean) / std.
#pragma once

#include <string>
#include <vector>

#include <ATen/ATen.h>

#include "harness/torch/runtime/scripted_model.h"

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

}  // namespace tgvc
