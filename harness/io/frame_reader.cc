#include "harness/io/frame_reader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "harness/core/error.h"
#include "harness/io/ffmpeg_reader.h"
#include "harness/io/image_sequence.h"
#include "harness/io/raw_yuv_reader.h"
#include "harness/io/read_checks.h"
#include "harness/io/y4m_reader.h"

namespace tgvc {
namespace {

// Hands out the frames of a video read whole.
class HeldFrameReader final : public FrameReader {
 public:
  HeldFrameReader(const std::string& path, Video video) : FrameReader(path), video_(std::move(video)) {
    info_ = video_.info;
  }

  bool next(Frame* frame) override {
    if (next_ >= video_.frames.size()) return false;
    *frame = std::move(video_.frames[next_++]);
    return true;
  }

 private:
  Video video_;
  size_t next_ = 0;
};

}  // namespace

std::unique_ptr<FrameReader> open_video(const std::string& path, FrameRange range,
                                        const std::optional<RawVideoFormat>& raw) {
  if (is_image_sequence(path)) {
    return std::make_unique<HeldFrameReader>(
        path, read_image_sequence(path, range, raw ? raw->fps : kImageSequenceDefaultFps));
  }
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".y4m") return open_y4m(path, range);
  if (extension == ".yuv") {
    if (!raw) {
      throw InputError(path, "the width, height and pixel format of a headerless .yuv file", "none given");
    }
    return open_raw_yuv(path, *raw, range);
  }
  return open_ffmpeg(path, range);
}

Video read_remaining(FrameReader& reader) {
  Video video;
  video.info = reader.info();
  Frame frame;
  while (reader.next(&frame)) {
    check_sample_budget(reader.path(), video.frame_count(), video.info);
    video.frames.push_back(std::move(frame));
    frame = Frame();
  }
  return video;
}

}  // namespace tgvc
