// The .tgvc container (docs/bitstream.md): a T-GVC bitstream is its header, keyframe payloads
// from a conventional intra codec and the arithmetic-coded trajectories of every clip between
// two keyframes, in CRC-checked chunks. This is the only header the codec needs.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "codecs/tgvc/bitstream/quantisation.h"
#include "codecs/tgvc/bitstream/stream_limits.h"
#include "codecs/tgvc/bitstream/trajectory_set.h"
#include "harness/core/frame.h"

namespace tgvc {

struct TgvcStream {
  VideoInfo info;  // coded geometry, pixel format, colour description and fps
  int frame_count = 0;
  // Trajectory quantisation step in pixels: a multiple of 1/16 in [1/16, 64]. 8 is the latent
  // grid of the paper's generator; finer steps are for experiments.
  double quant_step = 8;
  // Frame indices, strictly increasing, first 0 and last frame_count - 1.
  std::vector<int> keyframes;
  // The size the keyframes are coded at (in HEAD from format version 2): the decoder enlarges them
  // to info.width x info.height (codecs/tgvc/keyframe_scaling.h). 0 x 0: the video's size.
  int keyframe_width = 0;
  int keyframe_height = 0;
  std::string keyframe_codec;          // registry id, e.g. "x265": 1..64 characters '!'..'~'
  std::string keyframe_codec_version;  // at most 255 characters ' '..'~'
  // One opaque payload per keyframe, or a single payload that holds them all.
  std::vector<std::vector<uint8_t>> keyframe_payloads;
  // keyframes.size() - 1 clips; clip c runs from keyframes[c] to keyframes[c + 1], both included,
  // so it has keyframes[c + 1] - keyframes[c] + 1 frames.
  std::vector<ClipTrajectories> clips;
};

// Bytes of a .tgvc file by component; they sum to the file size. header_bytes is everything
// that is neither a keyframe payload nor a trajectory (TRAJ) payload nor camera path data: magic,
// version, chunk framing and CRCs, HEAD, CLIP, the codec tag and length table of KEYF, BGND's mode
// bytes, and END.
struct TgvcSizes {
  uint64_t header_bytes = 0;
  uint64_t keyframe_bytes = 0;
  uint64_t trajectory_bytes = 0;
  uint64_t camera_path_bytes = 0;               // BGND's camera paths (everything in it but the mode bytes)
  std::vector<uint64_t> clip_trajectory_bytes;  // one TRAJ payload size per clip; sums to trajectory_bytes
};

// Serialises a stream, quantising its trajectories with stream.quant_step. Throws InputError
// naming the field when the stream breaks a rule above or a limit of stream_limits.h.
std::vector<uint8_t> write_tgvc(const TgvcStream& stream, TgvcSizes* sizes = nullptr);

// The size the keyframes of `stream` are coded at: keyframe_width x keyframe_height, or the
// video's size when those are 0.
std::pair<int, int> coded_keyframe_size(const TgvcStream& stream);

// Parses a .tgvc file (format version 1, 2 or 3; a version 1 file's keyframes are at the video's size
// and read back with keyframe_width x keyframe_height set to it). Trajectories come back dequantised: for a
// stream s, read_tgvc(write_tgvc(s)).clips[c] == quantise(s.clips[c], s.quant_step, width, height). Throws
// InputError(where + field, ...) on any problem (bad magic or version, a truncated, corrupted or hand-crafted
// file); never reads out of bounds or allocates beyond the limits. With `sizes`, also reports the file's
// bytes by component, as write_tgvc does.
TgvcStream read_tgvc(const std::vector<uint8_t>& bytes, const std::string& where, TgvcSizes* sizes = nullptr);

}  // namespace tgvc
