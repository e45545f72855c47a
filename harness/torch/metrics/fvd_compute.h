// FVD features and values. The detector is the I3D Kinetics-400 TorchScript file StyleGAN-V
// publishes (i3d_torchscript.pt): forward(x, rescale, resize, return_features) -> [B, 400] logits
// before the softmax. Clips of `clip_length` frames start every `clip_stride` frames from frame 0.
// Protocols (named in every value):
//   stylegan-v      clips as 8-bit RGB [B, 3, T, H, W] in 0..255, detector(rescale=True,
//                   resize=True): the detector scales to [-1, 1] and resizes to 224x224 itself
//                   (no aspect-ratio preservation); covariance divided by N.
//   common-metrics  (common_metrics_on_video_quality, after StyleGAN-V's fvd.py) RGB in [0, 1],
//                   bilinear resize so the shorter side is 224 (longer side rounded up), centre
//                   crop 224x224, mapped to [-1, 1], detector(rescale=False, resize=False);
//                   covariance divided by N - 1 (numpy's cov).
#pragma once

#include <string>
#include <vector>

#include <ATen/ATen.h>

#include "harness/core/frame.h"
#include "harness/core/params.h"
#include "harness/metrics/metric.h"
#include "harness/metrics/per_set_metric.h"
#include "harness/torch/api/learned_backend.h"
#include "harness/torch/metrics/frechet.h"
#include "harness/torch/runtime/scripted_model.h"

namespace tgvc {

enum class FvdProtocol { kStyleganV, kCommonMetrics };

FvdProtocol parse_fvd_protocol(const std::string& name);
const char* to_string(FvdProtocol protocol);
Covariance protocol_covariance(FvdProtocol protocol);

// First frames of the clips of a `frames`-frame video (empty when it is shorter than one clip).
std::vector<int> clip_starts(int frames, int length, int stride);

// The detector's input for the clips of `video` starting at `starts` ([N, 3, T, H', W']).
at::Tensor fvd_detector_input(const Video& video, const std::vector<int>& starts, int length,
                              FvdProtocol protocol);

// Features [N, D] (double, CPU) of the clips, `batch` clips per forward pass.
at::Tensor fvd_features(const ScriptedModel& detector, const Video& video, const std::vector<int>& starts,
                        int length, FvdProtocol protocol, int batch, const at::Device& device);

// The metric's two halves (options protocol, clip_length, clip_stride, batch, device, covariance).
SetContribution fvd_contribution(const Video& ref, const Video& dist, const ParamSet& options,
                                 const ModelFile& detector);
std::vector<MetricValue> fvd_finish(const std::vector<SetContribution>& cells, const ParamSet& options);

}  // namespace tgvc
