// T-GVC's keyframes coded as stills by a registered codec in intra mode (DESIGN 4.2): all
// keyframes of a sequence form one all-intra stream, so parameter sets are sent once. With the
// learned codec (the paper's way: MS-ILLM keyframes) every keyframe is an image of its container.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

// How the keyframes are coded: each as a still (the paper's method), or as one stream in which
// each keyframe is predicted from the previous one (cheaper where consecutive keyframes look alike).
enum class KeyframePrediction { kIntra, kInter };

struct KeyframeCodingParams {
  // registry id: x265 (quality = QP 0..51), aom (quality = cq-level 0..63) or learned (quality 1..8)
  std::string codec = "x265";
  int quality = 46;
  std::string model;  // learned: its `model` (a manifest model, a family, or an export file)
  KeyframePrediction prediction = KeyframePrediction::kIntra;
  // In (0, 1]: keyframes are coded at this fraction of the video's size (scaled_keyframe_size) and
  // enlarged after decoding (keyframe_scaling.h); 1 codes them as they are.
  double scale = 1;
};

struct CodedKeyframes {
  std::vector<uint8_t> payload;
  std::string codec_version;
  Video reconstructed;  // what the decoder will see, at the video's size
  int coded_width = 0;  // the size the keyframe codec coded (below the video's with scale < 1)
  int coded_height = 0;
  // What the keyframe codec's decoder needs besides the payload (learned: the export and the
  // digests of the encoder's reconstruction); empty for x265 and aom.
  std::map<std::string, std::string> decoder_options;
};

// Throws InputError for an unsupported codec or quality, Error when the codec fails.
CodedKeyframes code_keyframes(const Video& keyframes, const KeyframeCodingParams& params);

// Decodes `count` keyframes coded by `codec` at coded_width x coded_height with the
// `decoder_options` the encoder gave (CodedKeyframes) and enlarges them to `info`'s size when they
// are smaller, exactly as code_keyframes reconstructed them. Throws InputError when the payload does not
// decode to that (a damaged or forged file) or the options are missing; Error "decoder mismatch" (learned)
// when the decoded keyframes differ from the encoder's.
Video decode_keyframes(const std::vector<uint8_t>& payload, const std::string& codec, const VideoInfo& info,
                       int coded_width, int coded_height, int count,
                       const std::map<std::string, std::string>& decoder_options = {});

// The quality range of a keyframe codec, e.g. {0, 51} for x265, {1, 8} for learned.
std::pair<int, int> keyframe_quality_range(const std::string& codec);

// The qualities target-bpp searches, in order of rising rate: x265 QP 51 down to 0, aom cq-level
// 63 down to 0; learned: the qualities N of the family `params.model` (the manifest's models
// "<model>-qN", e.g. msillm 1..6), rising. InputError for learned keyframes whose model is one
// model (an export file or a manifest model such as msillm-q3): there is nothing to search.
std::vector<int> keyframe_qualities_by_rate(const KeyframeCodingParams& params);

}  // namespace tgvc
