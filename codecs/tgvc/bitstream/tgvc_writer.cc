#include <string>

#include "codecs/tgvc/bitstream/background_chunk.h"
#include "codecs/tgvc/bitstream/byte_io.h"
#include "codecs/tgvc/bitstream/chunk_io.h"
#include "codecs/tgvc/bitstream/header_chunks.h"
#include "codecs/tgvc/bitstream/stream_rules.h"
#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "codecs/tgvc/bitstream/trajectory_encoder.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

const char* const kWhere = "tgvc stream";

// Everything read_tgvc would reject, checked on the writer's side so that no file it writes is
// unreadable.
void check_stream(const TgvcStream& stream) {
  check_video_info(stream.info, kWhere);
  check_frame_count(stream.frame_count, kWhere);
  quant_step_sixteenths(stream.quant_step, std::string(kWhere) + ".quant_step");
  check_keyframes(stream.keyframes, stream.frame_count, kWhere);
  check_keyframe_size(stream.keyframe_width, stream.keyframe_height, stream.info, kWhere);
  check_codec_id(stream.keyframe_codec, kWhere);
  check_codec_version(stream.keyframe_codec_version, kWhere);
  check_keyframe_payload_count(stream.keyframe_payloads.size(), stream.keyframes.size(), kWhere);
  uint64_t keyframe_bytes = 0;
  for (const auto& payload : stream.keyframe_payloads) keyframe_bytes += payload.size();
  if (keyframe_bytes > 0xFFFFFFFFu - 4 * stream.keyframe_payloads.size() - 512) {
    throw InputError(std::string(kWhere) + ".keyframe_payloads", "less than 4 GiB in all",
                     std::to_string(keyframe_bytes) + " bytes");
  }
  if (stream.clips.size() != stream.keyframes.size() - 1) {
    throw InputError(std::string(kWhere) + ".clips", std::to_string(stream.keyframes.size() - 1) + " clips",
                     std::to_string(stream.clips.size()));
  }
  int64_t track_frames = 0;
  int64_t tracks = 0;
  for (size_t c = 0; c < stream.clips.size(); ++c) {
    const ClipTrajectories& clip = stream.clips[c];
    const std::string where = std::string(kWhere) + ".clips[" + std::to_string(c) + "]";
    const int frames = stream.keyframes[c + 1] - stream.keyframes[c] + 1;
    if (clip.frames != frames) {
      throw InputError(where + ".frames", std::to_string(frames) + " (keyframe to keyframe, both included)",
                       std::to_string(clip.frames));
    }
    check_clip_background(clip, frames, where);
    if (clip.tracks.size() > static_cast<size_t>(kTgvcMaxTracksPerClip)) {
      throw InputError(where + ".tracks", "at most " + std::to_string(kTgvcMaxTracksPerClip) + " tracks",
                       std::to_string(clip.tracks.size()));
    }
    track_frames += static_cast<int64_t>(clip.tracks.size()) * frames;
    if (track_frames > kTgvcMaxTrackFrames) {
      throw InputError(where + ".tracks",
                       "at most " + std::to_string(kTgvcMaxTrackFrames) + " track-frames in all",
                       std::to_string(track_frames) + " so far");
    }
    tracks += static_cast<int64_t>(clip.tracks.size());
    if (tracks > kTgvcMaxTracks) {
      throw InputError(where + ".tracks", "at most " + std::to_string(kTgvcMaxTracks) + " tracks in all",
                       std::to_string(tracks) + " so far");
    }
    for (size_t t = 0; t < clip.tracks.size(); ++t) {
      const CodedTrack& track = clip.tracks[t];
      const size_t n = static_cast<size_t>(frames);
      if (track.x.size() != n || track.y.size() != n || track.visible.size() != n) {
        throw InputError(where + ".tracks[" + std::to_string(t) + "]",
                         "x, y and visible with " + std::to_string(n) + " entries each",
                         std::to_string(track.x.size()) + ", " + std::to_string(track.y.size()) + " and " +
                             std::to_string(track.visible.size()));
      }
    }
  }
}

}  // namespace

std::pair<int, int> coded_keyframe_size(const TgvcStream& stream) {
  if (stream.keyframe_width == 0 && stream.keyframe_height == 0)
    return {stream.info.width, stream.info.height};
  return {stream.keyframe_width, stream.keyframe_height};
}

std::vector<uint8_t> write_tgvc(const TgvcStream& stream, TgvcSizes* sizes) {
  check_stream(stream);
  const int step = quant_step_sixteenths(stream.quant_step, kWhere);
  const QuantAxis axis_x(step, stream.info.width);
  const QuantAxis axis_y(step, stream.info.height);

  ByteWriter out;
  for (uint8_t c : kTgvcMagic) out.u8(c);
  out.u16(kTgvcFormatVersion);
  append_chunk(out, kChunkHead, head_payload(stream));
  append_chunk(out, kChunkClips, clip_payload(stream));
  uint64_t tag_bytes = 0;
  const std::vector<uint8_t> keyframes = keyframe_payload(stream, &tag_bytes);
  append_chunk(out, kChunkKeyframes, keyframes);
  uint64_t camera_path_bytes = 0;
  if (!stream.clips.empty())
    append_chunk(out, kChunkBackground, background_payload(stream, &camera_path_bytes));
  uint64_t trajectory_bytes = 0;
  std::vector<uint64_t> clip_bytes;
  for (const ClipTrajectories& clip : stream.clips) {
    const std::vector<uint8_t> payload = encode_clip_trajectories(clip, axis_x, axis_y);
    trajectory_bytes += payload.size();
    clip_bytes.push_back(payload.size());
    append_chunk(out, kChunkTrajectories, payload);
  }
  append_chunk(out, kChunkEnd, {});

  if (sizes != nullptr) {
    sizes->keyframe_bytes = keyframes.size() - tag_bytes;
    sizes->trajectory_bytes = trajectory_bytes;
    sizes->clip_trajectory_bytes = std::move(clip_bytes);
    sizes->camera_path_bytes = camera_path_bytes;
    sizes->header_bytes =
        out.data().size() - sizes->keyframe_bytes - sizes->trajectory_bytes - sizes->camera_path_bytes;
  }
  return std::move(out.data());
}

}  // namespace tgvc
