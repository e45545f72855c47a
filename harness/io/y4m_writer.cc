#include "harness/io/y4m_writer.h"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>
#include <vector>

#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/io/sample_packing.h"
#include "harness/io/y4m_header.h"

namespace tgvc {
namespace {

void check_frame(const Frame& frame, const VideoInfo& info, const std::string& where) {
  if (frame.format != info.format || frame.width() != info.width || frame.height() != info.height) {
    throw InputError(where, fmt::format("a {}x{} frame like the video's", info.width, info.height),
                     fmt::format("{}x{} {} {}-bit", frame.width(), frame.height(),
                                 to_string(frame.format.chroma), frame.format.bit_depth));
  }
  for (int p = 0; p < 3; ++p) {
    const Plane& plane = frame.planes[p];
    const int width = p == 0 ? info.width : chroma_width(info.width, info.format.chroma);
    const int height = p == 0 ? info.height : chroma_height(info.height, info.format.chroma);
    if (plane.width != width || plane.height != height ||
        plane.samples.size() != static_cast<size_t>(width) * height) {
      throw InputError(where, "planes sized for the chroma format",
                       fmt::format("plane {} of {}x{}", p, plane.width, plane.height));
    }
    for (uint16_t value : plane.samples) {
      if (value > frame.max_value()) {
        throw InputError(where, fmt::format("samples of at most {}", frame.max_value()),
                         std::to_string(value));
      }
    }
  }
}

// A unique name next to `path`: the same directory, so the final rename cannot cross file systems.
std::string temporary_name(const std::string& path) {
  static std::atomic<int> counter{0};
  return fmt::format("{}.tmp-{}-{}", path, static_cast<long>(getpid()), counter++);
}

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

}  // namespace

void write_y4m(const std::string& path, const Video& video) {
  const std::string header = format_y4m_header(video.info, path);
  if (video.frames.empty()) throw InputError(path, "a video with at least one frame", "no frames");
  for (int i = 0; i < video.frame_count(); ++i) {
    check_frame(video.frames[i], video.info, fmt::format("{} frame {}", path, i));
  }

  // A device or FIFO (/dev/null) is written in place: a rename would replace it (atomic_file.h).
  const bool in_place = is_special_file(path);
  const std::string temporary = in_place ? path : temporary_name(path);
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(temporary.c_str(), "wb"));
  if (!file) throw Error(fmt::format("{}: cannot create {}: {}", path, temporary, std::strerror(errno)));
  bool written = std::fwrite(header.data(), 1, header.size(), file.get()) == header.size();
  std::vector<uint8_t> bytes;
  for (const Frame& frame : video.frames) {
    bytes.assign({'F', 'R', 'A', 'M', 'E', '\n'});
    pack_frame(frame, bytes);
    written = written && std::fwrite(bytes.data(), 1, bytes.size(), file.get()) == bytes.size();
  }
  written = std::fflush(file.get()) == 0 && written;
  written = std::fclose(file.release()) == 0 && written;
  std::string failure = written ? "" : std::strerror(errno);
  std::error_code error;
  if (written && !in_place) std::filesystem::rename(temporary, path, error);
  if (error) failure = error.message();
  if (!failure.empty()) {
    if (!in_place) std::filesystem::remove(temporary, error);
    throw Error(fmt::format("{}: cannot write: {}", path, failure));
  }
}

}  // namespace tgvc
