#include "harness/io/video_reader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "harness/core/error.h"
#include "harness/io/ffmpeg_reader.h"
#include "harness/io/image_sequence.h"
#include "harness/io/raw_yuv_reader.h"
#include "harness/io/y4m_reader.h"

namespace tgvc {

Video read_video(const std::string& path, FrameRange range, const std::optional<RawVideoFormat>& raw) {
  if (is_image_sequence(path))
    return read_image_sequence(path, range, raw ? raw->fps : kImageSequenceDefaultFps);
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".y4m") return read_y4m(path, range);
  if (extension == ".yuv") {
    if (!raw) {
      throw InputError(path, "the width, height and pixel format of a headerless .yuv file", "none given");
    }
    return read_raw_yuv(path, *raw, range);
  }
  return read_ffmpeg(path, range);
}

std::vector<std::string> input_files(const std::string& path) {
  if (is_image_sequence(path)) return image_sequence_files(path);
  return {path};
}

}  // namespace tgvc
