#include <string>

#include "codecs/tgvc/bitstream/background_chunk.h"
#include "codecs/tgvc/bitstream/byte_io.h"
#include "codecs/tgvc/bitstream/chunk_io.h"
#include "codecs/tgvc/bitstream/header_chunks.h"
#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "codecs/tgvc/bitstream/trajectory_decoder.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

// Returns the format version: 1, 2 or 3.
uint32_t read_magic_and_version(ByteReader& in, const std::string& where) {
  static const std::string expected = "the magic \"TGVC\" (a .tgvc file)";
  if (in.remaining() < 4)
    throw InputError(where + ".magic", expected, std::to_string(in.remaining()) + " bytes");
  const uint8_t* magic = in.take(4, "magic");
  for (int i = 0; i < 4; ++i) {
    if (magic[i] != kTgvcMagic[i]) {
      std::string found;
      for (int j = 0; j < 4; ++j)
        found += (magic[j] >= 0x20 && magic[j] < 0x7F) ? static_cast<char>(magic[j]) : '?';
      throw InputError(where + ".magic", expected, "\"" + found + "\"");
    }
  }
  const uint32_t version = in.u16("version");
  if (version < kTgvcOldestFormatVersion || version > kTgvcFormatVersion) {
    throw InputError(where + ".version",
                     "format version " + std::to_string(kTgvcOldestFormatVersion) + ".." +
                         std::to_string(kTgvcFormatVersion),
                     std::to_string(version));
  }
  return version;
}

}  // namespace

TgvcStream read_tgvc(const std::vector<uint8_t>& bytes, const std::string& where, TgvcSizes* sizes) {
  ByteReader in(bytes.data(), bytes.data() + bytes.size(), where);
  const uint32_t version = read_magic_and_version(in, where);

  TgvcStream stream;
  // The critical chunks in order: HEAD, CLIP, KEYF, BGND (from version 2, with clips), one TRAJ per
  // clip, END.
  enum class Next { kHead, kClips, kKeyframes, kBackground, kTrajectories, kEnd, kDone } next = Next::kHead;
  static const char* const expected_type[] = {kChunkHead,       kChunkClips,        kChunkKeyframes,
                                              kChunkBackground, kChunkTrajectories, kChunkEnd};
  std::vector<ClipTrajectories> backgrounds;  // each clip's background mode and camera path
  int64_t track_frames_left = kTgvcMaxTrackFrames;
  int64_t tracks_left = kTgvcMaxTracks;
  QuantAxis axis_x(1, 1), axis_y(1, 1);
  TgvcSizes found;
  while (next != Next::kDone) {
    const size_t offset = bytes.size() - in.remaining();
    const std::string wanted = std::string("a ") + expected_type[static_cast<int>(next)] + " chunk";
    if (in.remaining() == 0)
      throw InputError(where + ": offset " + std::to_string(offset), wanted, "the end of the file");
    const Chunk chunk = read_chunk(in, offset, where);
    if (chunk.optional()) continue;
    if (chunk.type != expected_type[static_cast<int>(next)]) {
      throw InputError(where + ": chunk at offset " + std::to_string(offset), wanted,
                       "\"" + chunk.type + "\" (an unknown or misplaced critical chunk)");
    }
    switch (next) {
      case Next::kHead: {
        read_head(chunk, version, &stream, where);
        const int step = static_cast<int>(stream.quant_step * kTgvcQuantStepDenominator);
        axis_x = QuantAxis(step, stream.info.width);
        axis_y = QuantAxis(step, stream.info.height);
        next = Next::kClips;
        break;
      }
      case Next::kClips:
        read_clips(chunk, &stream, where);
        next = Next::kKeyframes;
        break;
      case Next::kKeyframes:
        read_keyframes(chunk, &stream, where);
        backgrounds.assign(stream.keyframes.size() - 1, ClipTrajectories{});
        next = stream.keyframes.size() == 1 ? Next::kEnd
               : version >= 2               ? Next::kBackground
                                            : Next::kTrajectories;
        break;
      case Next::kBackground:
        found.camera_path_bytes = read_background(chunk, version, stream.keyframes, &backgrounds, where);
        next = Next::kTrajectories;
        break;
      case Next::kTrajectories: {
        const size_t c = stream.clips.size();
        const int frames = stream.keyframes[c + 1] - stream.keyframes[c] + 1;
        const std::string at =
            where + ": TRAJ chunk at offset " + std::to_string(offset) + " (clip " + std::to_string(c) + ")";
        stream.clips.push_back(decode_clip_trajectories(chunk.payload, chunk.size, frames, axis_x, axis_y,
                                                        track_frames_left, at, tracks_left));
        stream.clips.back().background = backgrounds[c].background;
        stream.clips.back().camera_path = std::move(backgrounds[c].camera_path);
        found.trajectory_bytes += chunk.size;
        found.clip_trajectory_bytes.push_back(chunk.size);
        const int64_t tracks = static_cast<int64_t>(stream.clips.back().tracks.size());
        track_frames_left -= tracks * frames;
        tracks_left -= tracks;
        if (stream.clips.size() + 1 == stream.keyframes.size()) next = Next::kEnd;
        break;
      }
      case Next::kEnd:
        if (chunk.size != 0) {
          throw InputError(where + ": END chunk.length", "an empty payload",
                           std::to_string(chunk.size) + " bytes");
        }
        next = Next::kDone;
        break;
      case Next::kDone:
        break;
    }
  }
  if (in.remaining() != 0) {
    throw InputError(where, "the end of the file after the END chunk",
                     std::to_string(in.remaining()) + " more bytes");
  }
  if (sizes != nullptr) {
    for (const std::vector<uint8_t>& payload : stream.keyframe_payloads)
      found.keyframe_bytes += payload.size();
    found.header_bytes =
        bytes.size() - found.keyframe_bytes - found.trajectory_bytes - found.camera_path_bytes;
    *sizes = std::move(found);
  }
  return stream;
}

}  // namespace tgvc
