// Fuzz target for the YUV4MPEG2 stream header parser (harness/io/y4m_header.cc): any line must
// either parse or raise InputError. A header that parses must be written again by
// format_y4m_header and parse back to the same geometry, format, frame rate and range.
// Built and replayed as tests/fuzz/CMakeLists.txt describes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "harness/core/error.h"
#include "harness/io/y4m_header.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The reader hands the parser at most one line of this length.
  if (size > static_cast<size_t>(tgvc::kMaxY4mHeaderLength)) size = tgvc::kMaxY4mHeaderLength;
  const std::string line(reinterpret_cast<const char*>(data), size);
  tgvc::VideoInfo info;
  try {
    info = tgvc::parse_y4m_header(line, "fuzz.y4m");
  } catch (const tgvc::InputError&) {
    return 0;
  }
  if (info.width < 1 || info.height < 1 || info.fps.num < 1 || info.fps.den < 1) __builtin_trap();
  std::string again = tgvc::format_y4m_header(info, "fuzz.y4m");
  if (again.empty() || again.back() != '\n') __builtin_trap();
  again.pop_back();
  const tgvc::VideoInfo reread = tgvc::parse_y4m_header(again, "fuzz-rewritten.y4m");
  if (reread.width != info.width || reread.height != info.height || reread.format != info.format ||
      reread.fps.num != info.fps.num || reread.fps.den != info.fps.den ||
      reread.colour.range != info.colour.range) {
    __builtin_trap();
  }
  return 0;
}
