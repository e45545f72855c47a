// The `diffusion` generator (docs/diffusion.md): the frames between two decoded keyframes sampled
// by a latent video diffusion model (DynamiCrafter-512 interpolation exported to TorchScript)
// with T-GVC's training-free trajectory guidance. Torch-free: the sampler runs in
// libtgvc_torch.so, loaded on first use (codecs/tgvc/torch/api/).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "codecs/tgvc/bitstream/trajectory_set.h"
#include "codecs/tgvc/generate/diffusion_options.h"
#include "harness/core/frame.h"

namespace tgvc {

class TorchDiffusionModel;

// What one pass did, for tests and diagnostics.
struct DiffusionPassReport {
  int clip = 0;
  int pass = 0;
  double alignment_loss = 0;        // of the latent that was decoded
  std::vector<double> step_losses;  // of each step's x0 prediction
};

class DiffusionGenerator {
 public:
  // The four model files in options.model_dir. InputError (where = "tgvc diffusion-model") naming
  // the file when one is missing, with the commands that get the paper's model; InputError for a
  // bad device (cuda without CUDA) or a file that is not TorchScript; Error without LibTorch.
  explicit DiffusionGenerator(const DiffusionOptions& options);
  ~DiffusionGenerator();

  // "1 (vae_encoder 0123456789ab, ...)".
  std::string version() const;

  // A video of frame_count frames: the decoded keyframes unchanged where `keyframe_indices` says,
  // the frames of clip c (between keyframes c and c + 1) sampled with clips[c]'s trajectories.
  // `info` is copied from `keyframes`. InputError when the counts disagree (as the warp
  // generator), or when a module breaks its contract.
  Video between_keyframes(const Video& keyframes, const std::vector<int>& keyframe_indices,
                          const std::vector<ClipTrajectories>& clips, int frame_count,
                          std::vector<DiffusionPassReport>* reports = nullptr) const;

 private:
  DiffusionOptions options_;
  std::vector<DiffusionStep> steps_;
  std::shared_ptr<const TorchDiffusionModel> model_;
};

}  // namespace tgvc
