#include "harness/io/raw_yuv_reader.h"

#include <fmt/format.h>

#include <vector>

#include "harness/core/error.h"
#include "harness/io/input_file.h"
#include "harness/io/read_checks.h"
#include "harness/io/sample_packing.h"

namespace tgvc {

Video read_raw_yuv(const std::string& path, const RawVideoFormat& format, FrameRange range) {
  const std::string where = path + " raw format";
  if (format.format.family != ColourFamily::kYuv) throw InputError(where, "a YUV pixel format", "RGB");
  check_pixel_format(where, format.format);
  check_geometry(where, format.width, format.height);
  if (format.fps.num <= 0 || format.fps.den <= 0) {
    throw InputError(where, "a positive frame rate", fmt::format("{}/{}", format.fps.num, format.fps.den));
  }
  check_frame_range(path, range);

  InputFile file(path);
  const int64_t frame_bytes = stored_frame_bytes(format.width, format.height, format.format);
  if (file.size() % frame_bytes != 0) {
    throw InputError(
        path,
        fmt::format("a size that is a multiple of the frame size, {} bytes ({}x{} {} {}-bit)", frame_bytes,
                    format.width, format.height, to_string(format.format.chroma), format.format.bit_depth),
        fmt::format("{} bytes", file.size()));
  }
  const int count = resolve_frame_count(path, range, file.size() / frame_bytes);

  Video video;
  video.info = {format.width, format.height, format.format, format.fps, format.colour};
  file.skip(frame_bytes * range.start);
  std::vector<uint8_t> buffer(static_cast<size_t>(frame_bytes));
  for (int i = 0; i < count; ++i) {
    check_sample_budget(path, i, video.info);
    file.read(buffer.data(), frame_bytes);
    const std::string frame_where = fmt::format("{} frame {}", path, range.start + i);
    video.frames.push_back(
        unpack_frame(buffer.data(), format.width, format.height, format.format, frame_where));
  }
  return video;
}

}  // namespace tgvc
