// Fuzz target for the raw YUV reader (harness/io/raw_yuv_reader.cc): the first 4 bytes choose the
// format the caller would state (width, height, chroma, bit depth, colour family, frame rate) and
// a frame range, the rest is the file. Any combination must either read or raise InputError;
// what reads must hold the frames the range asked for, with planes of the stated geometry and
// samples within the bit depth.
// Built and replayed as tests/fuzz/CMakeLists.txt describes.
#include <cstddef>
#include <cstdint>

#include "harness/core/error.h"
#include "harness/io/raw_yuv_reader.h"
#include "tests/fuzz/fuzz_frame_checks.h"
#include "tests/fuzz/fuzz_input_file.h"

namespace {

constexpr size_t kMaxInputBytes = 1 << 20;
constexpr size_t kFormatBytes = 4;

// Sizes 1..62 so that whole frames fit small inputs, and now and then one the reader must refuse
// (0, or past the 16384 limit).
int dimension_from(uint8_t byte) {
  const int value = byte & 63;
  return value == 0 ? 0 : value == 63 ? 16385 : value;
}

tgvc::RawVideoFormat format_from(const uint8_t* b) {
  static const tgvc::ChromaFormat kChroma[] = {tgvc::ChromaFormat::k420, tgvc::ChromaFormat::k422,
                                               tgvc::ChromaFormat::k444, tgvc::ChromaFormat::k420};
  static const int kDepths[] = {8, 10, 8, 12};
  tgvc::RawVideoFormat f;
  f.width = dimension_from(b[0]);
  f.height = dimension_from(b[1]);
  f.format.chroma = kChroma[b[0] >> 6];
  f.format.bit_depth = kDepths[b[1] >> 6];
  f.format.family = (b[2] & 1) != 0 ? tgvc::ColourFamily::kRgb : tgvc::ColourFamily::kYuv;
  f.fps = {(b[2] >> 1) & 7, 1 + ((b[2] >> 4) & 1)};  // num 0 must be refused
  f.colour.range = (b[2] & 0x20) != 0 ? tgvc::Range::kFull : tgvc::Range::kLimited;
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static tgvc_fuzz::ScratchFile file(".yuv");
  if (size < kFormatBytes) return 0;
  if (size > kMaxInputBytes) size = kMaxInputBytes;
  const tgvc::RawVideoFormat format = format_from(data);
  const tgvc::FrameRange range = tgvc_fuzz::range_from(data[3]);
  const std::string& path = file.write(data + kFormatBytes, size - kFormatBytes);
  try {
    const tgvc::Video video = tgvc::read_raw_yuv(path, format, range);
    if (video.frames.empty()) __builtin_trap();
    if (range.count > 0 && video.frame_count() != range.count) __builtin_trap();
    for (const tgvc::Frame& frame : video.frames) {
      if (!tgvc_fuzz::frame_matches(frame, format.format, format.width, format.height)) __builtin_trap();
    }
  } catch (const tgvc::InputError&) {
  }
  return 0;
}
