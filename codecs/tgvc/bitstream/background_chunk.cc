#include "codecs/tgvc/bitstream/background_chunk.h"

#include <algorithm>
#include <cstdlib>

#include "codecs/tgvc/bitstream/byte_io.h"
#include "harness/core/error.h"
#include "harness/core/leb128.h"

namespace tgvc {
namespace {

constexpr int kMaxVarintBytes = 4;  // 28 bits: every value the format allows

uint32_t read_varint(ByteReader& in, const char* field) {
  return static_cast<uint32_t>(read_leb128([&] { return in.u8(field); }, kMaxVarintBytes, in.field(field)));
}

// Zigzag: 0, -1, 1, -2, ... -> 0, 1, 2, 3, ...
uint32_t zigzag(int32_t v) {
  return v >= 0 ? static_cast<uint32_t>(v) << 1 : (static_cast<uint32_t>(-(v + 1)) << 1) | 1;
}
int32_t unzigzag(uint32_t u) {
  return (u & 1) ? -static_cast<int32_t>(u >> 1) - 1 : static_cast<int32_t>(u >> 1);
}

size_t clip_count(const std::vector<int>& keyframes) {
  return keyframes.empty() ? 0 : keyframes.size() - 1;
}

uint64_t read_version2(const Chunk& chunk, std::vector<ClipTrajectories>* clips, const std::string& at) {
  const size_t count = clips->size();
  const size_t bytes = (count + 7) / 8;
  if (chunk.size != bytes) {
    throw InputError(at + ".length", std::to_string(bytes) + " bytes for " + std::to_string(count) + " clips",
                     std::to_string(chunk.size));
  }
  for (size_t c = 0; c < count; ++c) {
    (*clips)[c].background =
        ((chunk.payload[c / 8] >> (c % 8)) & 1) ? BackgroundMode::kCamera : BackgroundMode::kBlend;
  }
  const unsigned used = count % 8;
  if (used != 0 && (chunk.payload[bytes - 1] >> used) != 0) {
    throw InputError(at + ".flags", "0 in the bits after clip " + std::to_string(count - 1),
                     "byte " + std::to_string(chunk.payload[bytes - 1]));
  }
  return 0;
}

}  // namespace

void check_clip_background(const ClipTrajectories& clip, int frames, const std::string& where) {
  const int mode = static_cast<int>(clip.background);
  if (mode < 0 || mode >= kBackgroundModeCount) {
    throw InputError(where + ".background", "a mode 0..3", std::to_string(mode));
  }
  if (clip.background != BackgroundMode::kCameraPath) {
    if (!clip.camera_path.empty()) {
      throw InputError(where + ".camera_path", "no knots (the mode is not 2, camera path)",
                       std::to_string(clip.camera_path.size()) + " knots");
    }
    return;
  }
  const size_t count = clip.camera_path.size();
  if (count < 1 || count > static_cast<size_t>(kMaxCameraPathKnots)) {
    throw InputError(where + ".camera_path", "1.." + std::to_string(kMaxCameraPathKnots) + " knots",
                     std::to_string(count));
  }
  int previous = 0;
  for (size_t k = 0; k < count; ++k) {
    const CameraPathKnot& knot = clip.camera_path[k];
    const std::string at = where + ".camera_path[" + std::to_string(k) + "]";
    if (knot.frame <= previous || knot.frame > frames - 2) {
      throw InputError(at + ".frame",
                       "a clip frame in " + std::to_string(previous + 1) + ".." + std::to_string(frames - 2) +
                           " (in-between, increasing)",
                       std::to_string(knot.frame));
    }
    previous = knot.frame;
    for (int32_t v : knot.eighths) {
      if (std::abs(static_cast<int64_t>(v)) > kMaxCameraPathEighths) {
        throw InputError(at + ".eighths",
                         "at most " + std::to_string(kMaxCameraPathEighths) + " in magnitude",
                         std::to_string(v));
      }
    }
  }
}

std::vector<uint8_t> background_payload(const TgvcStream& stream, uint64_t* path_bytes) {
  ByteWriter out;
  *path_bytes = 0;
  for (size_t c = 0; c < stream.clips.size(); ++c) {
    const ClipTrajectories& clip = stream.clips[c];
    check_clip_background(clip, stream.keyframes[c + 1] - stream.keyframes[c] + 1,
                          "tgvc stream.clips[" + std::to_string(c) + "]");
    out.u8(static_cast<uint32_t>(clip.background));
    if (clip.background != BackgroundMode::kCameraPath) continue;
    const size_t start = out.data().size();
    out.u8(static_cast<uint32_t>(clip.camera_path.size()));
    int previous = 0;
    for (const CameraPathKnot& knot : clip.camera_path) {
      append_leb128(&out.data(), static_cast<uint32_t>(knot.frame - previous));
      previous = knot.frame;
      for (int32_t v : knot.eighths) append_leb128(&out.data(), zigzag(v));
    }
    *path_bytes += out.data().size() - start;
  }
  return std::move(out.data());
}

uint64_t read_background(const Chunk& chunk, uint32_t version, const std::vector<int>& keyframes,
                         std::vector<ClipTrajectories>* clips, const std::string& where) {
  const std::string at = where + ": BGND";
  clips->assign(clip_count(keyframes), ClipTrajectories{});
  if (version < 3) return read_version2(chunk, clips, at);
  ByteReader in(chunk.payload, chunk.payload + chunk.size, at);
  uint64_t path_bytes = 0;
  for (size_t c = 0; c < clips->size(); ++c) {
    ClipTrajectories& clip = (*clips)[c];
    const uint32_t mode = in.u8("mode");
    if (mode >= static_cast<uint32_t>(kBackgroundModeCount)) {
      throw InputError(
          in.field("mode"),
          "0 (blend), 1 (camera), 2 (camera path) or 3 (camera and motion) for clip " + std::to_string(c),
          std::to_string(mode));
    }
    clip.background = static_cast<BackgroundMode>(mode);
    if (clip.background != BackgroundMode::kCameraPath) continue;
    const size_t before = in.remaining();
    const int last = keyframes[c + 1] - keyframes[c];
    const uint32_t count = in.u8("knot_count");
    if (count < 1 || count > static_cast<uint32_t>(std::min(kMaxCameraPathKnots, last - 1))) {
      throw InputError(in.field("knot_count"),
                       "1.." + std::to_string(std::min(kMaxCameraPathKnots, last - 1)) + " knots for clip " +
                           std::to_string(c) + " (" + std::to_string(last + 1) + " frames)",
                       std::to_string(count));
    }
    int frame = 0;
    for (uint32_t k = 0; k < count; ++k) {
      const uint32_t step = read_varint(in, "knot_frame");
      if (step < 1 || step > static_cast<uint32_t>(last - 1 - frame)) {
        throw InputError(in.field("knot_frame"),
                         "a step of 1.." + std::to_string(last - 1 - frame) +
                             " to an in-between frame of clip " + std::to_string(c),
                         std::to_string(step));
      }
      CameraPathKnot knot;
      frame += static_cast<int>(step);
      knot.frame = frame;
      for (int32_t& v : knot.eighths) {
        const uint32_t coded = read_varint(in, "knot_eighths");
        if (coded > 2 * static_cast<uint32_t>(kMaxCameraPathEighths)) {
          throw InputError(in.field("knot_eighths"),
                           "a displacement of at most " + std::to_string(kMaxCameraPathEighths) + " eighths",
                           "zigzag code " + std::to_string(coded));
        }
        v = unzigzag(coded);
      }
      clip.camera_path.push_back(knot);
    }
    path_bytes += before - in.remaining();
  }
  if (in.remaining() != 0) {
    throw InputError(at + ".length", "the end of the BGND payload after the last clip",
                     std::to_string(in.remaining()) + " more bytes");
  }
  return path_bytes;
}

}  // namespace tgvc
