#include "harness/io/raw_yuv_reader.h"

#include <fmt/format.h>

#include <vector>

#include "harness/core/error.h"
#include "harness/io/input_file.h"
#include "harness/io/read_checks.h"
#include "harness/io/sample_packing.h"

namespace tgvc {

namespace {

class RawYuvFrameReader final : public FrameReader {
 public:
  RawYuvFrameReader(const std::string& path, const RawVideoFormat& format, FrameRange range)
      : FrameReader(path), file_(check_format(path, format, range)) {
    frame_bytes_ = stored_frame_bytes(format.width, format.height, format.format);
    if (file_.size() % frame_bytes_ != 0) {
      throw InputError(
          path,
          fmt::format("a size that is a multiple of the frame size, {} bytes ({}x{} {} {}-bit)", frame_bytes_,
                      format.width, format.height, to_string(format.format.chroma), format.format.bit_depth),
          fmt::format("{} bytes", file_.size()));
    }
    count_ = resolve_frame_count(path, range, file_.size() / frame_bytes_);
    first_ = range.start;
    info_ = {format.width, format.height, format.format, format.fps, format.colour};
    file_.skip(frame_bytes_ * range.start);
  }

  bool next(Frame* frame) override {
    if (read_ == count_) return false;
    buffer_.resize(static_cast<size_t>(frame_bytes_));
    file_.read(buffer_.data(), frame_bytes_);
    unpack_frame_into(buffer_.data(), info_.width, info_.height, info_.format,
                      fmt::format("{} frame {}", path(), first_ + read_), frame);
    ++read_;
    return true;
  }

 private:
  // Checks what the caller states before the file is opened; returns the path.
  static const std::string& check_format(const std::string& path, const RawVideoFormat& format,
                                         FrameRange range) {
    const std::string where = path + " raw format";
    if (format.format.family != ColourFamily::kYuv) throw InputError(where, "a YUV pixel format", "RGB");
    check_pixel_format(where, format.format);
    check_geometry(where, format.width, format.height);
    if (format.fps.num <= 0 || format.fps.den <= 0) {
      throw InputError(where, "a positive frame rate", fmt::format("{}/{}", format.fps.num, format.fps.den));
    }
    check_frame_range(path, range);
    return path;
  }

  InputFile file_;
  int64_t frame_bytes_ = 0;
  int count_ = 0;
  int first_ = 0;
  int read_ = 0;
  std::vector<uint8_t> buffer_;
};

}  // namespace

std::unique_ptr<FrameReader> open_raw_yuv(const std::string& path, const RawVideoFormat& format,
                                          FrameRange range) {
  return std::make_unique<RawYuvFrameReader>(path, format, range);
}

Video read_raw_yuv(const std::string& path, const RawVideoFormat& format, FrameRange range) {
  return read_remaining(*open_raw_yuv(path, format, range));
}

}  // namespace tgvc
