// The boundary between the torch-free metric descriptors (harness/metrics/learned/api, linked
// into every program) and the LibTorch code (this folder, built as libtgvc_learned.so and loaded
// with dlopen on first use). Plain C++ types only: no LibTorch header may appear here.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "harness/core/frame.h"
#include "harness/core/params.h"
#include "harness/metrics/metric.h"
#include "harness/metrics/per_set_metric.h"

namespace tgvc {

// A model file as a metric needs it.
struct ModelFile {
  std::string name;    // manifest name, e.g. "lpips-alex-backbone"; empty for a file given by path
  std::string path;    // where the file is
  std::string sha256;  // expected SHA-256 (lower-case hex); empty: not checked, only reported
  std::string fetch;   // the command that fetches it, e.g. "tgvc-bench models fetch lpips-alex"
};

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

// The name of the one symbol libtgvc_learned.so exports for the loader. Bump the suffix whenever
// LearnedBackend changes so that a stale library is refused rather than called.
inline constexpr const char* kLearnedBackendSymbol = "tgvc_learned_backend_v2";

}  // namespace tgvc

// Defined in libtgvc_learned.so; returns a process-lifetime object.
extern "C" const tgvc::LearnedBackend* tgvc_learned_backend_v2();
