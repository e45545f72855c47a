#include "codecs/tgvc/generate/diffusion_generator.h"

#include <sys/stat.h>

#include "codecs/tgvc/generate/diffusion_passes.h"
#include "codecs/tgvc/generate/generators.h"
#include "codecs/tgvc/torch/api/tgvc_torch_loader.h"
#include "codecs/tgvc/torch/api/torch_model_file.h"
#include "harness/core/colour.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

constexpr const char* kWhere = "tgvc diffusion-model";

// The module `name`.pt in the model directory, or an InputError saying how to get it.
TorchModelFile module_file(const std::string& dir, const std::string& name) {
  const std::string path = dir.empty() ? "" : dir + "/" + name + ".pt";
  struct stat st {};
  const bool exists = !path.empty() && ::stat(path.c_str(), &st) == 0;
  if (!exists || !S_ISREG(st.st_mode)) {
    throw InputError(kWhere,
                     "a directory holding vae_encoder.pt, vae_decoder.pt, conditioner.pt and denoiser.pt "
                     "(the paper's model: `tgvc-bench models fetch dynamicrafter-512-interp`, then export it "
                     "as docs/diffusion.md describes)",
                     dir.empty()
                         ? "no diffusion-model given"
                         : "'" + path + "' (" + (exists ? "not a regular file" : "no such file") + ")");
  }
  return torch_model_file(path, {std::string(kWhere) + " " + name, "", "dynamicrafter-512-interp"});
}

// A 64-bit mix of the seed, clip and pass (splitmix64's finaliser): independent noise per pass.
uint64_t pass_seed(uint32_t seed, size_t clip, size_t pass) {
  uint64_t z = (uint64_t{seed} << 32) ^ (uint64_t{clip} << 12) ^ pass;
  z += 0x9e3779b97f4a7c15ull;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

}  // namespace

DiffusionGenerator::DiffusionGenerator(const DiffusionOptions& options)
    : options_(options), steps_(ddim_steps(zero_snr_alphas_cumprod(), options.ddim)) {
  DiffusionModelFiles files;
  files.vae_encoder = module_file(options.model_dir, "vae_encoder");
  files.vae_decoder = module_file(options.model_dir, "vae_decoder");
  files.conditioner = module_file(options.model_dir, "conditioner");
  files.denoiser = module_file(options.model_dir, "denoiser");
  files.device_where = "tgvc diffusion-device";
  model_ = require_tgvc_torch_backend("the tgvc diffusion generator").diffusion(files, options.device);
}

DiffusionGenerator::~DiffusionGenerator() = default;

std::string DiffusionGenerator::version() const {
  return "1 (" + model_->digests() + ")";
}

Video DiffusionGenerator::between_keyframes(const Video& keyframes, const std::vector<int>& indices,
                                            const std::vector<ClipTrajectories>& clips, int frame_count,
                                            std::vector<DiffusionPassReport>* reports) const {
  check_generator_inputs(keyframes, indices, clips, frame_count, "diffusion generator");
  const VideoInfo& info = keyframes.info;
  const bool rgb = info.format.family == ColourFamily::kRgb;
  const auto to_rgb_frame = [&](const Frame& f) { return rgb ? f : yuv_to_rgb(f, info.colour); };
  const auto from_rgb_frame = [&](const Frame& f) {
    return rgb ? f : rgb_to_yuv(f, info.colour, info.format.chroma);
  };

  DiffusionPassRequest request;
  request.frames = kDiffusionFrames;
  request.steps = steps_;
  request.cfg_scale = options_.cfg_scale;
  request.guidance_rescale = options_.guidance_rescale;
  request.frame_stride = options_.frame_stride;
  trajectory_weights(kDiffusionFrames, &request.start_weight, &request.end_weight);

  Video out;
  out.info = info;
  out.frames.reserve(static_cast<size_t>(frame_count));
  for (size_t c = 0; c < clips.size(); ++c) {
    const int frames = indices[c + 1] - indices[c] + 1;
    // Clip frames: the keyframes as decoded, the rest filled pass by pass.
    std::vector<Frame> clip(static_cast<size_t>(frames));
    clip.front() = keyframes.frames[c];
    clip.back() = keyframes.frames[c + 1];
    std::vector<Frame> clip_rgb(static_cast<size_t>(frames));
    clip_rgb.front() = to_rgb_frame(clip.front());
    request.last = to_rgb_frame(clip.back());
    const std::vector<DiffusionPassPlan> passes = plan_diffusion_passes(frames);
    for (size_t p = 0; p < passes.size(); ++p) {
      const DiffusionPassPlan& plan = passes[p];
      request.first =
          clip_rgb[static_cast<size_t>(plan.times.front())];  // the keyframe, or the previous pass's
      request.tracks = keep_evenly_spaced(tracks_at_times(clips[c], plan.times), kMaxGeneratorTracks);
      request.seed = pass_seed(options_.seed, c, p);
      const DiffusionPassResult result = model_->sample(request);
      for (const auto& [k, j] : plan.keep) {
        clip_rgb[static_cast<size_t>(j)] = result.frames[static_cast<size_t>(k)];
        clip[static_cast<size_t>(j)] = from_rgb_frame(result.frames[static_cast<size_t>(k)]);
      }
      if (reports) {
        reports->push_back(
            {static_cast<int>(c), static_cast<int>(p), result.sample_alignment_loss, result.alignment_loss});
      }
    }
    out.frames.insert(out.frames.end(), clip.begin(), clip.end() - 1);
  }
  out.frames.push_back(keyframes.frames.back());
  return out;
}

}  // namespace tgvc
