#include "harness/io/video_reader.h"

#include "harness/io/frame_reader.h"
#include "harness/io/image_sequence.h"

namespace tgvc {

Video read_video(const std::string& path, FrameRange range, const std::optional<RawVideoFormat>& raw) {
  return read_remaining(*open_video(path, range, raw));
}

std::vector<std::string> input_files(const std::string& path) {
  if (is_image_sequence(path)) return image_sequence_files(path);
  return {path};
}

}  // namespace tgvc
