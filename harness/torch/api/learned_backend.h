// The learned metrics' part of the LibTorch layer: the boundary between the torch-free metric
// descriptors (harness/metrics/learned/api, linked into every program) and their LibTorch code
// (harness/torch/metrics, inside libtgvc_torch.so, reached through TorchPlugin::metrics).
// Plain C++ types only: no LibTorch header may appear here.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "harness/core/frame.h"
#include "harness/core/params.h"
#include "harness/metrics/metric.h"
#include "harness/metrics/per_set_metric.h"
#include "harness/torch/api/model_file.h"

namespace tgvc {

// Option keys shared by the descriptors and the backend.
namespace learned_keys {
inline constexpr const char* kNet = "net";               // lpips: alex | vgg
inline constexpr const char* kDevice = "device";         // cpu | cuda
inline constexpr const char* kBatch = "batch";           // frames (lpips, clipsim) or clips (fvd) per forward
inline constexpr const char* kModelFile = "model_file";  // explicit model path instead of the manifest's
inline constexpr const char* kProtocol = "protocol";     // fvd: stylegan-v | common-metrics
inline constexpr const char* kClipLength = "clip_length";
inline constexpr const char* kClipStride = "clip_stride";
inline constexpr const char* kCovariance = "covariance";  // fvd: protocol | n | n-1
}  // namespace learned_keys

// The most memory the source features that LPIPS or DISTS prepare once per sequence may hold
// (leading frames beyond it are recomputed by every cell): 2 GiB (docs/learned-metrics.md).
inline constexpr size_t kSharedSourceBudget = size_t{2} << 30;

class LearnedBackend {
 public:
  virtual ~LearnedBackend() = default;

  // "LibTorch 1.13.0, 2 threads, CUDA available: no".
  virtual std::string description() const = 0;

  // Each takes inputs already checked comparable and options resolved against the descriptor's
  // table (defaults filled in). Model files are verified by SHA-256 when first loaded; a mismatch
  // gives n/a values. InputError for unusable options (e.g. cuda without CUDA). Thread-safe.
  // `prepared`: what the matching *_prepare returned for this source and these options, or null.
  virtual std::vector<MetricValue> lpips(const Video& ref, const Video& dist, const ParamSet& options,
                                         const ModelFile& backbone, const PreparedSource* prepared) const = 0;
  // The source frames' features, computed once per sequence (Metric::prepare); null when the
  // backbone cannot be loaded. InputError for unusable options.
  virtual std::shared_ptr<const PreparedSource> lpips_prepare(const Video& ref, const ParamSet& options,
                                                              const ModelFile& backbone) const = 0;
  // DISTS with the VGG16 `backbone` and the built-in alpha/beta weights.
  virtual std::vector<MetricValue> dists(const Video& ref, const Video& dist, const ParamSet& options,
                                         const ModelFile& backbone, const PreparedSource* prepared) const = 0;
  virtual std::shared_ptr<const PreparedSource> dists_prepare(const Video& ref, const ParamSet& options,
                                                              const ModelFile& backbone) const = 0;
  virtual std::vector<MetricValue> clipsim(const Video& ref, const Video& dist, const ParamSet& options,
                                           const ModelFile& tower) const = 0;
  virtual SetContribution fvd_contribution(const Video& ref, const Video& dist, const ParamSet& options,
                                           const ModelFile& detector) const = 0;
  // Statistics and Frechet distance of the available contributions' features (all checked by
  // the caller to share version and method).
  virtual std::vector<MetricValue> fvd_finish(const std::vector<SetContribution>& cells,
                                              const ParamSet& options) const = 0;
};

}  // namespace tgvc
