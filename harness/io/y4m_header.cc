#include "harness/io/y4m_header.h"

#include <fmt/format.h>

#include <cctype>
#include <climits>
#include <sstream>

#include "harness/core/error.h"
#include "harness/io/read_checks.h"

namespace tgvc {
namespace {

constexpr const char* kMagic = "YUV4MPEG2";
constexpr const char* kColourSpaces =
    "one of 420jpeg, 420paldv, 420mpeg2, 420, 420p10, 422, 422p10, 444, 444p10";

// A decimal integer in [1, INT_MAX] with nothing around it, or -1.
int parse_positive(const std::string& text) {
  if (text.empty() || text.size() > 10) return -1;
  long long value = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
    value = value * 10 + (c - '0');
  }
  return value >= 1 && value <= INT_MAX ? static_cast<int>(value) : -1;
}

PixelFormat parse_colour_space(const std::string& value, const std::string& where) {
  PixelFormat format;
  if (value == "420jpeg" || value == "420paldv" || value == "420mpeg2" || value == "420") return format;
  if (value == "420p10") return {ChromaFormat::k420, 10, ColourFamily::kYuv};
  if (value == "422") return {ChromaFormat::k422, 8, ColourFamily::kYuv};
  if (value == "422p10") return {ChromaFormat::k422, 10, ColourFamily::kYuv};
  if (value == "444") return {ChromaFormat::k444, 8, ColourFamily::kYuv};
  if (value == "444p10") return {ChromaFormat::k444, 10, ColourFamily::kYuv};
  throw InputError(where, kColourSpaces, "C" + value);
}

Range parse_colour_range(std::string value, const std::string& where) {
  for (char& c : value) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (value == "FULL") return Range::kFull;
  if (value == "LIMITED") return Range::kLimited;
  throw InputError(where, "XCOLORRANGE=FULL or XCOLORRANGE=LIMITED", "XCOLORRANGE=" + value);
}

}  // namespace

VideoInfo parse_y4m_header(const std::string& line, const std::string& path) {
  std::istringstream tokens(line);
  std::string token;
  tokens >> token;
  if (token != kMagic) {
    throw InputError(path, "a Y4M file starting with 'YUV4MPEG2 '", "'" + line.substr(0, 16) + "'");
  }
  VideoInfo info;
  info.fps = {25, 1};
  info.colour = {Matrix::kBt709, Range::kLimited};
  int width = -1, height = -1;
  while (tokens >> token) {
    const char tag = token[0];
    const std::string value = token.substr(1);
    const std::string where = path + " header tag " + std::string(1, tag);
    if (tag == 'W' || tag == 'H') {
      const int size = parse_positive(value);
      if (size < 0) throw InputError(where, "a positive integer", value);
      (tag == 'W' ? width : height) = size;
    } else if (tag == 'F') {
      const size_t colon = value.find(':');
      const int num = colon == std::string::npos ? -1 : parse_positive(value.substr(0, colon));
      const int den = colon == std::string::npos ? -1 : parse_positive(value.substr(colon + 1));
      if (num < 0 || den < 0) throw InputError(where, "a frame rate num:den of positive integers", value);
      info.fps = {num, den};
    } else if (tag == 'I') {
      if (value != "p" && value != "?") throw InputError(where, "progressive video (Ip or I?)", "I" + value);
    } else if (tag == 'C') {
      info.format = parse_colour_space(value, where);
    } else if (tag == 'X' && value.rfind("COLORRANGE=", 0) == 0) {
      info.colour.range = parse_colour_range(value.substr(11), where);
    }
  }
  if (width < 0 || height < 0) throw InputError(path, "W and H tags in the Y4M header", line);
  check_geometry(path, width, height);
  info.width = width;
  info.height = height;
  return info;
}

std::string format_y4m_header(const VideoInfo& info, const std::string& path) {
  if (info.format.family != ColourFamily::kYuv) throw InputError(path, "a YUV video for Y4M", "RGB");
  if (info.format.bit_depth != 8 && info.format.bit_depth != 10) {
    throw InputError(path, "8- or 10-bit video for Y4M", fmt::format("{} bits", info.format.bit_depth));
  }
  if (info.fps.num <= 0 || info.fps.den <= 0) {
    throw InputError(path, "a positive frame rate", fmt::format("{}/{}", info.fps.num, info.fps.den));
  }
  std::string colour_space = to_string(info.format.chroma);
  if (info.format.bit_depth == 10) colour_space += "p10";
  if (colour_space == "420") colour_space = "420jpeg";  // what FFmpeg writes for yuv420p
  return fmt::format("{} W{} H{} F{}:{} Ip A1:1 C{} XCOLORRANGE={}\n", kMagic, info.width, info.height,
                     info.fps.num, info.fps.den, colour_space,
                     info.colour.range == Range::kFull ? "FULL" : "LIMITED");
}

bool is_y4m_frame_header(const std::string& line) {
  return line.rfind("FRAME", 0) == 0 && (line.size() == 5 || line[5] == ' ');
}

}  // namespace tgvc
