// The tgvc codec's settings and their parameter table.
#pragma once

#include <string>
#include <vector>

#include "codecs/tgvc/clustering/hdbscan.h"
#include "codecs/tgvc/generate/diffusion_options.h"
#include "codecs/tgvc/generate/generators.h"
#include "codecs/tgvc/importance/cluster_importance.h"
#include "codecs/tgvc/keyframe_coding.h"
#include "codecs/tgvc/keyframes/keyframe_selection.h"
#include "harness/core/param_table.h"

namespace tgvc {

struct TgvcParams {
  KeyframeCodingParams keyframes;
  double target_bpp = 0;        // > 0: search keyframes.quality for the whole stream's bpp
  double trajectory_scale = 1;  // multiplies each kept cluster's representative count; 0: none
  double quant_step = 8;        // trajectory grid in pixels
  std::string embedder = "thumbnail";
  std::string tracker = "flow";
  int grid = 64;  // queries per side, on the first and on the last frame of a clip
  KeyframeParams selection;
  ImportanceParams importance;
  HdbscanParams clustering;  // min_cluster_size, min_samples and epsilon are params
  uint32_t seed = 1;         // k-means initialisation
  // A clip without tracks gets the camera-aware background when it beats the blend by at least
  // this PSNR-Y on the clip's in-between frames (clip_background_choice.h).
  double camera_background_min_gain_db = 0.1;
  // ... with a sent camera path (clip_background_choice.h) when that beats the straight-line camera
  // by at least this as well; one knot per camera_path_spacing frames, 0: never a path.
  double camera_path_min_gain_db = 0.1;
  int camera_path_spacing = 6;
  // Whether such a clip may instead show the regions that moved between its keyframes moving on
  // straight lines (mode 3, clip_background_choice.h); false: never tried, for ablations.
  bool keyframe_motion = true;
  Generator generator = Generator::kWarp;  // the decoder's (generators.h); not coded
  DiffusionOptions diffusion;              // the diffusion generator's; decoder options, not coded
};

// The keys `type: tgvc` accepts, bound to TgvcParams (defaults from TgvcParams{}).
const ParamTable<TgvcParams>& tgvc_param_table();
const std::vector<ParamSpec>& tgvc_param_specs();

// The keyframe quality's range depends on the keyframe codec: code_keyframes checks it.
TgvcParams tgvc_params_from(const ParamSet& set);

}  // namespace tgvc
