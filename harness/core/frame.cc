#include "harness/core/frame.h"

namespace tgvc {

int chroma_width(int luma_width, ChromaFormat chroma) {
  return chroma == ChromaFormat::k444 ? luma_width : (luma_width + 1) / 2;
}

int chroma_height(int luma_height, ChromaFormat chroma) {
  return chroma == ChromaFormat::k420 ? (luma_height + 1) / 2 : luma_height;
}

Frame Frame::allocate(int width, int height, PixelFormat format, uint16_t fill) {
  Frame frame;
  frame.format = format;
  for (int p = 0; p < 3; ++p) {
    Plane& plane = frame.planes[p];
    plane.width = p == 0 ? width : chroma_width(width, format.chroma);
    plane.height = p == 0 ? height : chroma_height(height, format.chroma);
    plane.samples.assign(static_cast<size_t>(plane.width) * plane.height, fill);
  }
  return frame;
}

const char* to_string(ChromaFormat chroma) {
  switch (chroma) {
    case ChromaFormat::k420:
      return "420";
    case ChromaFormat::k422:
      return "422";
    case ChromaFormat::k444:
      return "444";
  }
  return "?";
}

const char* to_string(Matrix matrix) {
  return matrix == Matrix::kBt601 ? "bt601" : "bt709";
}

const char* to_string(Range range) {
  return range == Range::kLimited ? "limited" : "full";
}

}  // namespace tgvc
