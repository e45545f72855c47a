// The learned metrics (LPIPS, DISTS, CLIP-SIM, FVD) as the registry sees them. This header and the
// metrics it returns include no LibTorch: their descriptors (id, version, options) are plain data
// and compute() loads their LibTorch code (harness/torch/metrics, part of the one LibTorch plugin
// libtgvc_torch.so) on first use, so that programs which never compute a learned metric do not
// pay LibTorch's start-up. A missing model or a missing backend gives n/a values with the reason
// and the command that fixes it; never a number.
#pragma once

#include <memory>

#include "harness/metrics/metric.h"
#include "harness/metrics/per_set_metric.h"

namespace tgvc {

// LPIPS v0.1 (alex or vgg): lpips_alex / lpips_vgg, per frame and mean.
std::unique_ptr<Metric> make_lpips_metric();
// DISTS (VGG16, the reference's alpha/beta): dists, per frame and mean.
std::unique_ptr<Metric> make_dists_metric();
// CLIP-SIM: cosine similarity of CLIP image embeddings, per frame and mean.
std::unique_ptr<Metric> make_clipsim_metric();
// FVD over the 16-frame clips of a set (I3D Kinetics-400 logits).
std::unique_ptr<PerSetMetric> make_fvd_metric();

// The backend library's state, for `tgvc-bench list`: "LibTorch 1.13.0 (cpu)" once loaded, or why
// it cannot be loaded. Loads the backend.
std::string learned_backend_status();

}  // namespace tgvc
