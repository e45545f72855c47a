// The T-GVC encoder and its no-guidance decoder, as used by the `tgvc` codec and the
// `tgvc-bench encode` / `decode` commands.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "codecs/tgvc/clip_motion.h"
#include "codecs/tgvc/generate/clip_background_choice.h"
#include "codecs/tgvc/generate/diffusion_options.h"
#include "codecs/tgvc/quality_search.h"
#include "codecs/tgvc/tgvc_params.h"

namespace tgvc {

struct TgvcEncodeStats {
  int keyframes = 0;
  int keyframe_quality = 0;  // the one used (target-bpp searches it)
  QualityChoice target;      // target-bpp > 0: what the search found
  int keyframe_width = 0;    // the size the keyframes were coded at (keyframe-scale)
  int keyframe_height = 0;
  ClipMotionStats motion;  // summed over clips
  double embedding_s = 0;
  double keyframe_coding_s = 0;
  double trajectory_coding_s = 0;
  double background_choice_s = 0;
  int camera_background_clips = 0;  // clips without tracks for which the camera-aware background won
  int camera_path_clips = 0;        // of those, the clips whose camera follows a sent path
  int camera_motion_clips = 0;      // ... and those that add the keyframes' own motion
  // Per clip without tracks (keyframe indices first..last): the gains the choice measured.
  struct ClipChoice {
    int first = 0;
    int last = 0;
    ClipBackground choice;
  };
  std::vector<ClipChoice> clip_choices;
};

struct TgvcEncoded {
  std::vector<uint8_t> bytes;  // the .tgvc file
  TgvcSizes sizes;             // header, keyframes, trajectories: sums to bytes.size()
  Video keyframes_reconstructed;
  std::vector<int> keyframe_indices;
  std::map<std::string, std::string> keyframe_decoder_options;  // CodedKeyframes::decoder_options
};

// Encodes a whole sequence of any size (the keyframe codec pads what it needs). Throws InputError
// for a source the keyframe codec cannot take (RGB: codecs/source_colour.h converts it first;
// smaller than one x265 CTU) or parameters out of range.
TgvcEncoded tgvc_encode(const Video& source, const TgvcParams& params, TgvcEncodeStats* stats = nullptr);

// Decodes a .tgvc file: keyframes through their codec, the frames between them made by
// `generator` ("warp": guided by the trajectories; "blend": no guidance; "diffusion": latent
// diffusion guided by the trajectories, with `diffusion`'s models and settings; generators.h).
// `keyframe_options` are the keyframe codec's decoder options (TgvcEncoded). Throws InputError
// for a damaged or forged file, an unknown generator or (diffusion) a missing or broken model file.
Video tgvc_decode(const std::vector<uint8_t>& bytes, const std::string& where, const std::string& generator,
                  const DiffusionOptions& diffusion = {},
                  const std::map<std::string, std::string>& keyframe_options = {});

}  // namespace tgvc
