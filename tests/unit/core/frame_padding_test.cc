#include "harness/core/frame_padding.h"

#include <gtest/gtest.h>

namespace tgvc {
namespace {

// A 3x3 4:2:0 frame: luma 10*y + x, chroma planes (2x2) 100 + 10*y + x and 200 + ...
Frame numbered_frame() {
  Frame f = Frame::allocate(3, 3, {ChromaFormat::k420, 8, ColourFamily::kYuv});
  for (int p = 0; p < 3; ++p) {
    Plane& plane = f.planes[p];
    for (int y = 0; y < plane.height; ++y) {
      for (int x = 0; x < plane.width; ++x) plane.at(x, y) = static_cast<uint16_t>(100 * p + 10 * y + x);
    }
  }
  return f;
}

TEST(FramePadding, PadRepeatsTheLastColumnAndRowOfEveryPlane) {
  const Frame padded = pad_frame(numbered_frame(), 6, 5);
  ASSERT_EQ(padded.planes[0].width, 6);
  ASSERT_EQ(padded.planes[0].height, 5);
  EXPECT_EQ(padded.planes[0].at(1, 1), 11);  // inside: unchanged
  EXPECT_EQ(padded.planes[0].at(5, 1), 12);  // right of row 1: its last sample
  EXPECT_EQ(padded.planes[0].at(1, 4), 21);  // below column 1: its last sample
  EXPECT_EQ(padded.planes[0].at(5, 4), 22);  // corner
  // Chroma of a 6x5 4:2:0 frame is 3x3: one replicated column and row of the 2x2 planes.
  ASSERT_EQ(padded.planes[1].width, 3);
  ASSERT_EQ(padded.planes[1].height, 3);
  EXPECT_EQ(padded.planes[1].at(2, 0), 101);
  EXPECT_EQ(padded.planes[2].at(2, 2), 211);
}

TEST(FramePadding, CropUndoesPadExactly) {
  const Frame source = numbered_frame();
  const Frame back = crop_frame(pad_frame(source, 8, 7), 3, 3);
  for (int p = 0; p < 3; ++p) EXPECT_EQ(back.planes[p].samples, source.planes[p].samples) << "plane " << p;
  // An odd 4:2:0 width padded to even keeps its (rounded-up) chroma plane as it is.
  const Frame even = pad_frame(source, 4, 4);
  for (int p = 1; p < 3; ++p) EXPECT_EQ(even.planes[p].samples, source.planes[p].samples);
}

TEST(FramePadding, VideoGeometryFollows) {
  Video v;
  v.info.width = 3;
  v.info.height = 3;
  v.info.format = numbered_frame().format;
  v.frames = {numbered_frame(), numbered_frame()};
  const Video padded = pad_video(v, 4, 4);
  EXPECT_EQ(padded.info.width, 4);
  EXPECT_EQ(padded.info.height, 4);
  ASSERT_EQ(padded.frame_count(), 2);
  EXPECT_EQ(padded.frames[1].width(), 4);
  const Video cropped = crop_video(padded, 3, 3);
  EXPECT_EQ(cropped.info.width, 3);
  EXPECT_EQ(cropped.frames[1].planes[0].samples, v.frames[1].planes[0].samples);
}

TEST(FramePadding, WholeChromaSizes) {
  const auto size = [](int w, int h, ChromaFormat c) {
    const PictureSize s = whole_chroma_size(w, h, c);
    return std::to_string(s.width) + "x" + std::to_string(s.height);
  };
  EXPECT_EQ(size(203, 181, ChromaFormat::k420), "204x182");
  EXPECT_EQ(size(204, 181, ChromaFormat::k420), "204x182");
  EXPECT_EQ(size(203, 181, ChromaFormat::k422), "204x181");
  EXPECT_EQ(size(203, 181, ChromaFormat::k444), "203x181");
  EXPECT_EQ(size(720, 404, ChromaFormat::k420), "720x404");
}

}  // namespace
}  // namespace tgvc
