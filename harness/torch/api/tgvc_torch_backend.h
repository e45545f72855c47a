// T-GVC's part of the LibTorch layer: the boundary between T-GVC's torch-free stages
// (TorchScriptEmbedder, TorchScriptTracker, DiffusionGenerator) and their LibTorch code
// (harness/torch/tgvc, inside libtgvc_torch.so, reached through TorchPlugin::tgvc). Plain C++
// types only: no LibTorch header may appear here. The call contracts of the model files are in docs/tgvc.md
// ("TorchScript models").
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "harness/core/frame.h"
#include "harness/torch/api/diffusion_request.h"
#include "harness/tracking/tracks.h"

namespace tgvc {

// A TorchScript file as a stage setting names it, checked to exist before LibTorch is loaded.
struct TorchModelFile {
  std::string path;
  std::string sha256;  // expected digest (from PATH.sha256 beside it); empty: computed, not checked
  std::string where;   // the setting that named it, for messages ("tgvc embedder")
};

// An image embedder model (docs/tgvc.md): frames are converted to RGB and preprocessed as
// OpenCLIP does (the model's image_size, image_mean and image_std attributes, else 224 and the
// OpenAI mean and std), then forward([N, 3, S, S]) must return [N, D].
class TorchEmbedderModel {
 public:
  virtual ~TorchEmbedderModel() = default;
  virtual const std::string& sha256() const = 0;
  // "224 px, mean (0.4815, 0.4578, 0.4082), std (0.2686, 0.2613, 0.2758) (OpenCLIP defaults)".
  virtual std::string preprocessing() const = 0;
  // One frame's embedding (any YUV or RGB format; `colour` describes YUV samples). InputError
  // naming the file when the model's output breaks the contract. Thread-safe.
  virtual std::vector<float> embed(const Frame& frame, ColourSpec colour) const = 0;
};

// A point tracker model (docs/tgvc.md): forward(video [1, T, 3, H, W] RGB 0..255, queries
// [1, N, 3] as (t, x, y) with pixel centres at integers) -> (tracks [1, T, N, 2], visibility
// [1, T, N]). Optional attributes frames, points, height, width fix the shapes it accepts (a
// traced export); the adapter pads, splits and resizes to meet them.
class TorchTrackerModel {
 public:
  virtual ~TorchTrackerModel() = default;
  virtual const std::string& sha256() const = 0;
  // "frames 30, points 4096, 512x320" for the attributes present, or "any shape".
  virtual std::string shapes() const = 0;
  // Follows `points` (the harness's coordinates: pixel centres at +0.5; their `frame` is ignored)
  // from frame 0 of `clip` (at least 1 frame, all of one size) through every frame. One Track per
  // point with clip.frame_count() entries, positions in the harness's coordinates, visibility as
  // the model says it. InputError naming the file for a clip the model cannot take or an output
  // that breaks the contract (shape, type, non-finite positions). Thread-safe.
  virtual Tracks track_from_first_frame(const Video& clip, const std::vector<TrackQuery>& points) const = 0;
};

// The four TorchScript modules of the diffusion generator (docs/diffusion.md, "Call contract").
struct DiffusionModelFiles {
  TorchModelFile vae_encoder;
  TorchModelFile vae_decoder;
  TorchModelFile conditioner;
  TorchModelFile denoiser;
  std::string device_where = "diffusion device";  // the device setting, for messages
};

// A latent video diffusion model (DynamiCrafter-512 interpolation's contract): DDIM sampling of
// one pass between two condition frames with classifier-free guidance and trajectory guidance.
class TorchDiffusionModel {
 public:
  virtual ~TorchDiffusionModel() = default;
  // The four files' digests, "vae_encoder 0123456789ab, ..." (12 hex digits each).
  virtual std::string digests() const = 0;
  // InputError naming the module's file when a module breaks its contract (shape, type,
  // non-finite output) or the request is malformed (sizes, step table, track lengths).
  // Deterministic for a request. Thread-safe.
  virtual DiffusionPassResult sample(const DiffusionPassRequest& request) const = 0;
};

class TgvcTorchBackend {
 public:
  virtual ~TgvcTorchBackend() = default;
  // "LibTorch 1.13.0, 2 threads, CUDA: no".
  virtual std::string description() const = 0;
  // The model in `file` on `device` ("cpu" or "cuda"), loaded once per process per file digest and
  // device. InputError (where = file.where) for a bad device, a digest that differs from
  // file.sha256, or a file that is not TorchScript.
  virtual std::shared_ptr<const TorchEmbedderModel> embedder(const TorchModelFile& file,
                                                             const std::string& device) const = 0;
  virtual std::shared_ptr<const TorchTrackerModel> tracker(const TorchModelFile& file,
                                                           const std::string& device) const = 0;
  virtual std::shared_ptr<const TorchDiffusionModel> diffusion(const DiffusionModelFiles& files,
                                                               const std::string& device) const = 0;
};

}  // namespace tgvc
