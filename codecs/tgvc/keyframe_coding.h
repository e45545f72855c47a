// T-GVC's keyframes coded as stills by a registered codec in intra mode (DESIGN 4.2): all
// keyframes of a sequence form one all-intra stream, so parameter sets are sent once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

// How the keyframes are coded: each as a still (the paper's method), or as one stream in which
// each keyframe is predicted from the previous one (cheaper where consecutive keyframes look alike).
enum class KeyframePrediction { kIntra, kInter };

struct KeyframeCodingParams {
  std::string codec = "x265";  // registry id: x265 (quality = QP 0..51) or aom (quality = cq-level 0..63)
  int quality = 46;
  KeyframePrediction prediction = KeyframePrediction::kIntra;
};

struct CodedKeyframes {
  std::vector<uint8_t> payload;
  std::string codec_version;
  Video reconstructed;  // what the decoder will see
};

// Throws InputError for an unsupported codec or quality, Error when the codec fails.
CodedKeyframes code_keyframes(const Video& keyframes, const KeyframeCodingParams& params);

// Decodes `count` keyframes of geometry `info` coded by `codec`. Throws InputError when the
// payload does not decode to that (a damaged or forged file).
Video decode_keyframes(const std::vector<uint8_t>& payload, const std::string& codec, const VideoInfo& info,
                       int count);

// The quality range of a keyframe codec, e.g. {0, 51} for x265.
std::pair<int, int> keyframe_quality_range(const std::string& codec);

}  // namespace tgvc
