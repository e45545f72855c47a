// The BGND chunk (docs/bitstream.md, 2.7): each clip's background mode and, for a clip whose
// camera follows a sent path, the path's knots. Version 2 carried one flag bit per clip (blend or
// the straight-line camera); version 3 one mode byte per clip followed by the path where the mode
// is kCameraPath.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "codecs/tgvc/bitstream/chunk_io.h"
#include "codecs/tgvc/bitstream/tgvc_stream.h"

namespace tgvc {

constexpr int kMaxCameraPathKnots = 64;                      // per clip
constexpr int32_t kMaxCameraPathEighths = int32_t{1} << 20;  // |displacement| in 1/8 pixel

// InputError(where + ".background" or ".camera_path...") unless the clip's mode and path fit the
// format: a mode code 0..3, knots only in kCameraPath (1..kMaxCameraPathKnots of them, frames
// strictly increasing in 1..frames-2, displacements within kMaxCameraPathEighths).
void check_clip_background(const ClipTrajectories& clip, int frames, const std::string& where);

// The version 3 payload of `stream`'s clips (checked). `path_bytes` receives the bytes of path data
// (everything but the mode bytes), the "camera path" rate component.
std::vector<uint8_t> background_payload(const TgvcStream& stream, uint64_t* path_bytes);

// Parses BGND of format version `version` (2: flag bits, 3: modes and paths) into clips[c].background
// and clips[c].camera_path for the keyframes in `stream` (clips resized to keyframes - 1). Returns the
// bytes of path data. Throws InputError(where + ": BGND.<field>", ...).
uint64_t read_background(const Chunk& chunk, uint32_t version, const std::vector<int>& keyframes,
                         std::vector<ClipTrajectories>* clips, const std::string& where);

}  // namespace tgvc
