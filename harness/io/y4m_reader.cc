#include "harness/io/y4m_reader.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "harness/core/error.h"
#include "harness/io/input_file.h"
#include "harness/io/read_checks.h"
#include "harness/io/sample_packing.h"
#include "harness/io/y4m_header.h"

namespace tgvc {
namespace {

// Reads the next FRAME header. Returns false at a clean end of file (no byte left).
bool read_frame_header(InputFile& file, int index) {
  if (file.remaining() == 0) return false;
  const std::string where = fmt::format("{} frame {}", file.path(), index);
  std::string line;
  if (!file.read_line(line, kMaxY4mHeaderLength)) {
    throw InputError(where, "a FRAME header ending in a newline", "'" + line.substr(0, 16) + "'");
  }
  if (!is_y4m_frame_header(line)) throw InputError(where, "a FRAME header", "'" + line.substr(0, 16) + "'");
  return true;
}

void throw_truncated(const InputFile& file, int index, int64_t frame_bytes) {
  throw InputError(fmt::format("{} frame {}", file.path(), index),
                   fmt::format("{} bytes of frame data", frame_bytes),
                   fmt::format("only {} bytes (truncated file)", file.remaining()));
}

// A frame whose samples exceed its bit depth and that no FRAME header follows was most likely
// stored at another frame size: FFmpeg 5.1 writes odd-width 10-bit 4:2:0 Y4M with chroma rows one
// byte short (a 333-wide frame's rows are 333 bytes, not 2 x 167 samples), which reads as garbage
// high bits. Say so, rather than only naming a sample. Otherwise (a FRAME header follows, or the
// file ends) the sample error stands.
[[noreturn]] void throw_misframed(InputFile& file, const VideoInfo& info, int index, int64_t frame_bytes,
                                  const InputError& sample_error) {
  char next[5] = {};
  if (file.remaining() == 0 || (file.read(next, 5) && std::string(next, 5) == "FRAME")) throw sample_error;
  const PixelFormat& f = info.format;
  throw InputError(
      fmt::format("{} frame {}", file.path(), index),
      fmt::format(
          "frames of {} bytes ({}x{} {} {}-bit, chroma planes {}x{}), each followed by a FRAME header",
          frame_bytes, info.width, info.height, to_string(f.chroma), f.bit_depth,
          chroma_width(info.width, f.chroma), chroma_height(info.height, f.chroma)),
      sample_error.found() +
          " and no FRAME header after the frame: its frames have another size (FFmpeg 5.1 writes odd-width "
          "high-bit-depth Y4M with chroma rows one byte short)");
}

class Y4mFrameReader final : public FrameReader {
 public:
  Y4mFrameReader(const std::string& path, FrameRange range) : FrameReader(path), range_(range), file_(path) {
    check_frame_range(path, range);
    std::string line;
    if (!file_.read_line(line, kMaxY4mHeaderLength)) {
      if (line.rfind("YUV4MPEG2", 0) != 0) {
        throw InputError(path, "a Y4M file starting with 'YUV4MPEG2 '", "'" + line.substr(0, 16) + "'");
      }
      throw InputError(path, fmt::format("a Y4M header line of at most {} bytes", kMaxY4mHeaderLength),
                       "no newline (truncated or not a header)");
    }
    info_ = parse_y4m_header(line, path);
    frame_bytes_ = stored_frame_bytes(info_.width, info_.height, info_.format);
    for (; index_ < range.start; ++index_) {
      if (!read_frame_header(file_, index_)) break;
      if (!file_.skip(frame_bytes_)) throw_truncated(file_, index_, frame_bytes_);
    }
  }

  bool next(Frame* frame) override {
    if (range_.count >= 0 && read_ == range_.count) return false;
    if (!read_frame_header(file_, index_)) {
      // `index_` is the number of frames in the file: the range must not run past it.
      if (read_ == 0 || range_.count > 0) resolve_frame_count(path(), range_, index_);
      return false;
    }
    if (file_.remaining() < frame_bytes_) throw_truncated(file_, index_, frame_bytes_);
    buffer_.resize(static_cast<size_t>(frame_bytes_));
    file_.read(buffer_.data(), frame_bytes_);
    try {
      unpack_frame_into(buffer_.data(), info_.width, info_.height, info_.format,
                        fmt::format("{} frame {}", path(), index_), frame);
    } catch (const InputError& e) {
      throw_misframed(file_, info_, index_, frame_bytes_, e);
    }
    ++index_;
    ++read_;
    return true;
  }

 private:
  FrameRange range_;
  InputFile file_;
  int64_t frame_bytes_ = 0;
  int index_ = 0;  // the file's frame the next FRAME header belongs to
  int read_ = 0;   // frames of the range read
  std::vector<uint8_t> buffer_;
};

}  // namespace

std::unique_ptr<FrameReader> open_y4m(const std::string& path, FrameRange range) {
  return std::make_unique<Y4mFrameReader>(path, range);
}

Video read_y4m(const std::string& path, FrameRange range) {
  return read_remaining(*open_y4m(path, range));
}

}  // namespace tgvc
