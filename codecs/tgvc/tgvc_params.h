// The tgvc codec's parameter table and its typed view.
#pragma once

#include <string>
#include <vector>

#include "codecs/tgvc/importance/cluster_importance.h"
#include "codecs/tgvc/keyframe_coding.h"
#include "codecs/tgvc/keyframes/keyframe_selection.h"
#include "harness/core/params.h"

namespace tgvc {

const std::vector<ParamSpec>& tgvc_param_specs();

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
  int min_cluster_size = 10;
  int min_samples = 6;
  double cluster_epsilon = 0.05;
  uint32_t seed = 1;               // k-means initialisation
  std::string generator = "warp";  // the decoder's (codecs/tgvc/generate/generators.h); not coded
};

// The keyframe quality's range depends on the keyframe codec: code_keyframes checks it.
TgvcParams tgvc_params_from(const ParamSet& set);

}  // namespace tgvc
