#include "codecs/tgvc/bitstream/stream_rules.h"

#include "codecs/tgvc/bitstream/stream_limits.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

bool all_in(const std::string& text, char low, char high) {
  for (char c : text) {
    if (c < low || c > high) return false;
  }
  return true;
}

}  // namespace

void check_video_info(const VideoInfo& info, const std::string& where) {
  const std::string range = "in [1, " + std::to_string(kTgvcMaxDimension) + "]";
  if (info.width < 1 || info.width > kTgvcMaxDimension) {
    throw InputError(where + ".width", "a width " + range, std::to_string(info.width));
  }
  if (info.height < 1 || info.height > kTgvcMaxDimension) {
    throw InputError(where + ".height", "a height " + range, std::to_string(info.height));
  }
  if (info.fps.num < 1 || info.fps.den < 1) {
    throw InputError(where + ".fps", "a frame rate num/den with both >= 1",
                     std::to_string(info.fps.num) + "/" + std::to_string(info.fps.den));
  }
  if (info.format.bit_depth < 8 || info.format.bit_depth > 16) {
    throw InputError(where + ".bit_depth", "a bit depth in [8, 16]", std::to_string(info.format.bit_depth));
  }
  if (info.format.family == ColourFamily::kRgb && info.format.chroma != ChromaFormat::k444) {
    throw InputError(where + ".chroma", "4:4:4 for RGB", to_string(info.format.chroma));
  }
}

void check_frame_count(int frame_count, const std::string& where) {
  if (frame_count < 1 || frame_count > kTgvcMaxFrames) {
    throw InputError(where + ".frame_count", "a frame count in [1, " + std::to_string(kTgvcMaxFrames) + "]",
                     std::to_string(frame_count));
  }
}

void check_keyframes(const std::vector<int>& keyframes, int frame_count, const std::string& where) {
  const std::string field = where + ".keyframes";
  if (keyframes.empty()) throw InputError(field, "at least one keyframe", "none");
  if (keyframes.front() != 0) throw InputError(field, "frame 0 first", std::to_string(keyframes.front()));
  if (keyframes.back() != frame_count - 1) {
    throw InputError(field, "the last frame (" + std::to_string(frame_count - 1) + ") last",
                     std::to_string(keyframes.back()));
  }
  for (size_t i = 1; i < keyframes.size(); ++i) {
    if (keyframes[i] <= keyframes[i - 1]) {
      throw InputError(field + "[" + std::to_string(i) + "]",
                       "a frame after " + std::to_string(keyframes[i - 1]) + " (strictly increasing)",
                       std::to_string(keyframes[i]));
    }
  }
}

void check_codec_id(const std::string& id, const std::string& where) {
  if (id.empty() || id.size() > static_cast<size_t>(kTgvcMaxCodecIdLength) || !all_in(id, '!', '~')) {
    throw InputError(where + ".keyframe_codec", "1 to 64 printable characters without spaces",
                     "\"" + id + "\"");
  }
}

void check_codec_version(const std::string& version, const std::string& where) {
  if (version.size() > 255 || !all_in(version, ' ', '~')) {
    throw InputError(where + ".keyframe_codec_version", "at most 255 printable characters",
                     std::to_string(version.size()) + " characters");
  }
}

void check_keyframe_size(int width, int height, const VideoInfo& info, const std::string& where) {
  if (width == 0 && height == 0) return;
  if (width < 1 || width > info.width || height < 1 || height > info.height) {
    throw InputError(
        where + ".keyframe_size",
        "1..width by 1..height (" + std::to_string(info.width) + "x" + std::to_string(info.height) + ")",
        std::to_string(width) + "x" + std::to_string(height));
  }
}

void check_keyframe_payload_count(size_t payloads, size_t keyframes, const std::string& where) {
  if (payloads != 1 && payloads != keyframes) {
    throw InputError(where + ".keyframe_payloads",
                     "1 payload or one per keyframe (" + std::to_string(keyframes) + ")",
                     std::to_string(payloads));
  }
}

}  // namespace tgvc
