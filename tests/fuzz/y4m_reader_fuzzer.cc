// Fuzz target for the Y4M reader (harness/io/y4m_reader.cc): the first byte chooses a frame
// range, the rest is the file. Any file must either read or raise InputError; what reads must
// hold the frames the range asked for, each with planes of the header's geometry.
// Built and replayed as tests/fuzz/CMakeLists.txt describes.
#include <cstddef>
#include <cstdint>

#include "harness/core/error.h"
#include "harness/io/y4m_reader.h"
#include "tests/fuzz/fuzz_frame_checks.h"
#include "tests/fuzz/fuzz_input_file.h"

namespace {

// A frame of the largest geometry is 1.5 GB: cut inputs so that only small frames can be whole.
constexpr size_t kMaxInputBytes = 1 << 20;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static tgvc_fuzz::ScratchFile file(".y4m");
  if (size < 1) return 0;
  if (size > kMaxInputBytes) size = kMaxInputBytes;
  const tgvc::FrameRange range = tgvc_fuzz::range_from(data[0]);
  const std::string& path = file.write(data + 1, size - 1);
  try {
    const tgvc::Video video = tgvc::read_y4m(path, range);
    if (video.frames.empty()) __builtin_trap();
    if (range.count > 0 && video.frame_count() != range.count) __builtin_trap();
    for (const tgvc::Frame& frame : video.frames) {
      if (!tgvc_fuzz::frame_matches(frame, video.info.format, video.info.width, video.info.height))
        __builtin_trap();
    }
  } catch (const tgvc::InputError&) {
  }
  return 0;
}
