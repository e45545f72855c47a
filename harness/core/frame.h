// Frames and videos: planar samples in uint16 so that 8- and 10-bit content share one type.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace tgvc {

enum class ChromaFormat { k420, k422, k444 };
// kRgb frames are always 4:4:4 with planes R, G, B.
enum class ColourFamily { kYuv, kRgb };
enum class Matrix { kBt601, kBt709 };
enum class Range { kLimited, kFull };

struct PixelFormat {
  ChromaFormat chroma = ChromaFormat::k420;
  int bit_depth = 8;
  ColourFamily family = ColourFamily::kYuv;

  bool operator==(const PixelFormat& o) const {
    return chroma == o.chroma && bit_depth == o.bit_depth && family == o.family;
  }
  bool operator!=(const PixelFormat& o) const { return !(*this == o); }
};

// How YUV samples map to RGB. Carried with a video so that RGB metrics know the matrix.
struct ColourSpec {
  Matrix matrix = Matrix::kBt709;
  Range range = Range::kLimited;
};

struct Rational {
  int num = 30;
  int den = 1;
  double value() const { return static_cast<double>(num) / den; }
};

struct Plane {
  int width = 0;
  int height = 0;
  std::vector<uint16_t> samples;  // row-major, stride == width

  uint16_t* row(int y) { return samples.data() + static_cast<size_t>(y) * width; }
  const uint16_t* row(int y) const { return samples.data() + static_cast<size_t>(y) * width; }
  uint16_t& at(int x, int y) { return row(y)[x]; }
  uint16_t at(int x, int y) const { return row(y)[x]; }
};

struct Frame {
  PixelFormat format;
  std::array<Plane, 3> planes;

  int width() const { return planes[0].width; }
  int height() const { return planes[0].height; }
  int max_value() const { return (1 << format.bit_depth) - 1; }

  // A frame of the given luma size with every sample set to `fill`; chroma planes are sized
  // from the chroma format (rounded up for odd sizes).
  static Frame allocate(int width, int height, PixelFormat format, uint16_t fill = 0);
};

// Chroma plane size for a luma size.
int chroma_width(int luma_width, ChromaFormat chroma);
int chroma_height(int luma_height, ChromaFormat chroma);

struct VideoInfo {
  int width = 0;
  int height = 0;
  PixelFormat format;
  Rational fps;
  ColourSpec colour;
};

struct Video {
  VideoInfo info;
  std::vector<Frame> frames;

  int frame_count() const { return static_cast<int>(frames.size()); }
};

const char* to_string(ChromaFormat chroma);
const char* to_string(Matrix matrix);
const char* to_string(Range range);

}  // namespace tgvc
