// The learned codecs' part of the LibTorch layer: the boundary between the learned codec
// (codecs/learned, torch-free: padding, quantisation, entropy coding, the container) and the
// networks of a model export (harness/torch/codecs, inside libtgvc_torch.so, reached through
// TorchPlugin::learned_codecs). Plain C++ types only: no LibTorch header may appear here.
// docs/learned-codecs.md, "Exports", gives the contract of the TorchScript file the backend reads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tgvc::learned {

// One image's float32 tensor, channels x height x width, row-major (batch item 0 of N x C x H x W).
struct Planes {
  int channels = 0;
  int height = 0;
  int width = 0;
  std::vector<float> values;

  size_t plane_size() const { return static_cast<size_t>(height) * width; }
  bool same_shape(const Planes& o) const {
    return channels == o.channels && height == o.height && width == o.width;
  }
};

// How a family's own evaluation pads an image to the model's multiple (and crops after decoding).
enum class Padding {
  kCentredZero,         // CompressAI's eval_model: zeros, split evenly (the extra pixel right/bottom)
  kReflectRightBottom,  // NeuralCompression's pad_image_to_factor: reflection at right and bottom
};

// A CDF table as the export stores it (CompressAI's _quantized_cdf, _cdf_length, _offset):
// `rows` rows of `stride` entries, each zero-padded after its length.
struct ExportCdfTable {
  std::vector<int32_t> cdfs;
  int stride = 0;
  std::vector<int32_t> cdf_lengths;
  std::vector<int32_t> offsets;
};

// What the export says about itself, read once when it is loaded.
struct ExportInfo {
  std::string path;
  std::string sha256;
  std::string family;  // "bmshj2018-hyperprior", "mbt2018-mean", "msillm"
  std::string model;   // the upstream name, e.g. "msillm_quality_1"
  int quality = 0;
  int multiple = 64;  // height and width the stages need a multiple of
  Padding padding = Padding::kCentredZero;
  ExportCdfTable hyper_cdfs;         // the hyper-latent's EntropyBottleneck
  std::vector<float> hyper_medians;  // one per hyper-latent channel
  ExportCdfTable latent_cdfs;        // the latent's GaussianConditional
  std::vector<float> scale_table;
  float scale_bound = 0.11f;
};

// The four stages of an export, on one image each. InputError naming the export's file when a
// stage refuses its input or returns something other than one float tensor of batch 1 (two for
// hyper_synthesis). Thread-safe; deterministic for an input on one device and build.
class LearnedNetwork {
 public:
  virtual ~LearnedNetwork() = default;
  virtual const ExportInfo& info() const = 0;
  // The image (3 x H x W, RGB in [0, 1], H and W multiples of info().multiple) to its latent y.
  virtual Planes analysis(const Planes& image) const = 0;
  // y to the hyper-latent z (a family that codes |y| takes the magnitude inside the stage).
  virtual Planes hyper_analysis(const Planes& latent) const = 0;
  // The decoded hyper-latent to the latent's scales and means (zeros for a scale-only family).
  virtual void hyper_synthesis(const Planes& hyper_latent, Planes* scales, Planes* means) const = 0;
  // The decoded latent to the image (3 x H x W, not clamped).
  virtual Planes synthesis(const Planes& latent) const = 0;
};

class LearnedTorchBackend {
 public:
  virtual ~LearnedTorchBackend() = default;
  // "LibTorch 1.13.0, 2 threads, CUDA: no".
  virtual std::string description() const = 0;
  // The export at `path` on `device` ("cpu" or "cuda"), loaded once per process per digest and
  // device. InputError naming `where` for a bad device, a digest other than `sha256` (when not
  // empty), a file that is not TorchScript or an export that breaks the contract (a missing
  // method, attribute or table, a table of the wrong shape or type).
  virtual std::shared_ptr<const LearnedNetwork> load(const std::string& path, const std::string& sha256,
                                                     const std::string& device,
                                                     const std::string& where) const = 0;
};

}  // namespace tgvc::learned
