#include "codecs/tgvc/tgvc_params.h"


namespace tgvc {

const std::vector<ParamSpec>& tgvc_param_specs() {
  static const std::vector<ParamSpec> specs = {
      {"keyframe-codec", ParamType::kString, "x265", 0, -1, {"x265", "aom"}, "codec of the keyframe stills (all-intra)", ""},
      {"keyframe-quality", ParamType::kInt, "46", 0, 63, {}, "x265 QP (0..51) or aom cq-level (0..63) of the keyframes", ""},
      {"target-bpp", ParamType::kReal, "0", 0, 8, {}, "above 0: choose keyframe-quality so the stream meets this rate", "bpp"},
      {"trajectory-scale", ParamType::kReal, "1", 0, 4, {}, "scales each kept motion instance's representative count (0: send no trajectories)", ""},
      {"quant-step", ParamType::kString, "8", 0, -1, {"8", "4", "2", "1"}, "trajectory quantisation grid (8: the decoder's latent grid)", "px"},
      {"embedder", ParamType::kString, "thumbnail", 0, -1, {}, "image embedder for keyframes and importance: thumbnail (built in) or the path of a TorchScript image tower (docs/tgvc.md)", ""},
      {"tracker", ParamType::kString, "flow", 0, -1, {}, "point tracker: flow (built in) or the path of a TorchScript point tracker (docs/tgvc.md)", ""},
      {"grid", ParamType::kInt, "64", 2, 128, {}, "query lattice per side on a clip's first and last frame", ""},
      {"cut-threshold", ParamType::kReal, "0.5", -1, 1, {}, "consecutive-frame similarity below which a scene cut is declared", ""},
      {"window", ParamType::kInt, "24", 1, 10000, {}, "frames per keyframe selection window", "frames"},
      {"max-distance", ParamType::kInt, "29", 1, 10000, {}, "most frames between consecutive keyframes", "frames"},
      {"min-importance-motion", ParamType::kReal, "0.3", 0, 1000, {}, "a motion instance is sent when importance x motion exceeds this", ""},
      {"min-motion", ParamType::kReal, "3", 0, 1000, {}, "... and its motion exceeds this", ""},
      {"min-cluster-size", ParamType::kInt, "10", 2, 100000, {}, "HDBSCAN min_cluster_size", "tracks"},
      {"min-samples", ParamType::kInt, "6", 1, 1000, {}, "HDBSCAN min_samples (the point itself not counted)", "tracks"},
      {"cluster-epsilon", ParamType::kReal, "0.05", 0, 100, {}, "HDBSCAN cluster_selection_epsilon", ""},
      {"seed", ParamType::kInt, "1", 0, 2147483647, {}, "k-means initialisation seed", ""},
      {"generator", ParamType::kString, "warp", 0, -1, {"blend", "warp", "diffusion"}, "decoder: trajectory-guided warp, trajectory-guided latent diffusion (TorchScript models, docs/diffusion.md), or blend (no guidance); the bitstream is the same", ""},
      // The diffusion generator's settings (docs/diffusion.md): decoder options, not coded.
      {"diffusion-model", ParamType::kString, "", 0, -1, {}, "directory holding vae_encoder.pt, vae_decoder.pt, conditioner.pt and denoiser.pt (docs/diffusion.md)", ""},
      {"diffusion-steps", ParamType::kInt, "50", 1, 1000, {}, "DDIM steps", ""},
      {"diffusion-eta", ParamType::kReal, "1", 0, 1, {}, "DDIM eta (0: deterministic steps)", ""},
      {"cfg-scale", ParamType::kReal, "7.5", 0, 100, {}, "classifier-free guidance scale (1: conditional branch only)", ""},
      {"guidance-rescale", ParamType::kReal, "0.7", 0, 1, {}, "CFG rescale towards the conditional branch's std (Lin et al. 2023; 0: off)", ""},
      {"guidance-strength", ParamType::kReal, "30", 0, 10000, {}, "trajectory guidance eta_g (0: none)", ""},
      {"guidance-alpha", ParamType::kString, "loop-index", 0, -1, {"loop-index", "timestep"}, "where the guidance step reads alpha_bar: at the DDIM loop index (the paper's code) or at the timestep", ""},
      {"dynamic-rescale", ParamType::kReal, "0.7", 0.01, 1, {}, "DynamiCrafter's x0 dynamic rescale base scale (1: off)", ""},
      {"frame-stride", ParamType::kInt, "5", 1, 1000, {}, "the denoiser's frame-stride (fs) input", ""},
      {"diffusion-seed", ParamType::kInt, "1", 0, 2147483647, {}, "seed of the sampler's noise", ""},
      {"diffusion-device", ParamType::kString, "cpu", 0, -1, {"cpu", "cuda"}, "device of the diffusion models", ""},
  };
  return specs;
}

TgvcParams tgvc_params_from(const ParamSet& s) {
  TgvcParams p;
  p.keyframes.codec = s.get_string("keyframe-codec");
  p.keyframes.quality = static_cast<int>(s.get_int("keyframe-quality"));
  p.target_bpp = s.get_real("target-bpp");
  p.trajectory_scale = s.get_real("trajectory-scale");
  p.quant_step = std::stod(s.get_string("quant-step"));
  p.embedder = s.get_string("embedder");
  p.tracker = s.get_string("tracker");
  p.grid = static_cast<int>(s.get_int("grid"));
  p.selection.cut_threshold = s.get_real("cut-threshold");
  p.selection.window = static_cast<int>(s.get_int("window"));
  p.selection.max_distance = static_cast<int>(s.get_int("max-distance"));
  p.importance.min_importance_motion = s.get_real("min-importance-motion");
  p.importance.min_motion = s.get_real("min-motion");
  p.min_cluster_size = static_cast<int>(s.get_int("min-cluster-size"));
  p.min_samples = static_cast<int>(s.get_int("min-samples"));
  p.cluster_epsilon = s.get_real("cluster-epsilon");
  p.seed = static_cast<uint32_t>(s.get_int("seed"));
  p.generator = s.get_string("generator");
  return p;
}

}  // namespace tgvc
