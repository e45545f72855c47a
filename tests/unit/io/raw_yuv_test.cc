#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <utility>

#include "harness/io/raw_yuv_reader.h"
#include "harness/io/video_reader.h"
#include "tests/unit/io/io_test_support.h"

namespace tgvc {
namespace {

using ::testing::HasSubstr;
using testing::input_error_of;

TEST(RawYuvReader, ReadsFramesLaidOutPlaneByPlane) {
  testing::ScratchDir dir;
  const PixelFormat format{ChromaFormat::k420, 10, ColourFamily::kYuv};
  const Video video = testing::random_video(20, 10, format, 5, 9);
  testing::write_bytes(dir.file("v.yuv"), testing::stored_bytes(video, 0, 5));
  RawVideoFormat raw{20, 10, format, {50, 1}, {Matrix::kBt601, Range::kFull}};
  const Video back = read_video(dir.file("v.yuv"), {1, 3}, raw);
  EXPECT_EQ(back.info.width, 20);
  EXPECT_EQ(back.info.fps.num, 50);
  EXPECT_EQ(back.info.colour.matrix, Matrix::kBt601);
  EXPECT_EQ(back.info.colour.range, Range::kFull);
  ASSERT_EQ(back.frame_count(), 3);
  for (int f = 0; f < 3; ++f) {
    for (int p = 0; p < 3; ++p)
      EXPECT_EQ(back.frames[f].planes[p].samples, video.frames[f + 1].planes[p].samples);
  }
  EXPECT_EQ(read_video(dir.file("v.yuv"), {}, raw).frame_count(), 5);
  EXPECT_THAT(input_error_of([&] {
                read_video(dir.file("v.yuv"), {5, -1}, raw);
              }).where(),
              HasSubstr("frame range"));
}

// Odd sizes in 4:2:0 and 4:2:2, chroma rounded up, as the ffmpeg CLI writes raw frames.
TEST(RawYuvReader, OddSizesAsTheCliWritesThem) {
  testing::ScratchDir dir;
  for (const auto& [name, chroma] :
       {std::pair{"yuv420p", ChromaFormat::k420}, std::pair{"yuv422p", ChromaFormat::k422}}) {
    testing::run_ffmpeg({"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=5", "-vf", "scale=33:21", "-frames:v",
                         "3", "-pix_fmt", name, "-f", "rawvideo", dir.file("odd.yuv")});
    const RawVideoFormat raw{33, 21, {chroma, 8, ColourFamily::kYuv}, {5, 1}, {}};
    const Video video = read_video(dir.file("odd.yuv"), {}, raw);
    ASSERT_EQ(video.frame_count(), 3) << name;
    EXPECT_EQ(video.frames[0].planes[1].width, 17);
    EXPECT_EQ(testing::stored_bytes(video, 0, 3), testing::read_bytes(dir.file("odd.yuv"))) << name;
  }
}

TEST(RawYuvReader, WrongSizeNamesFrameSizeAndFileSize) {
  testing::ScratchDir dir;
  testing::write_bytes(dir.file("v.yuv"), std::vector<uint8_t>(1000, 16));
  const RawVideoFormat raw{16, 8, {}, {}, {}};  // 192 bytes a frame
  const InputError error = input_error_of([&] { read_raw_yuv(dir.file("v.yuv"), raw); });
  EXPECT_EQ(error.where(), dir.file("v.yuv"));
  EXPECT_THAT(error.expected(), HasSubstr("192 bytes"));
  EXPECT_EQ(error.found(), "1000 bytes");
}

TEST(RawYuvReader, RejectsBadFormatsAndEmptyFiles) {
  testing::ScratchDir dir;
  testing::write_bytes(dir.file("v.yuv"), std::vector<uint8_t>(192, 16));
  EXPECT_THAT(input_error_of([&] { read_video(dir.file("v.yuv")); }).expected(), HasSubstr("width, height"));
  // 15x8 4:2:0 is valid (chroma 8x4) but 192 bytes are not a whole number of its 184-byte frames.
  EXPECT_THAT(input_error_of([&] {
                read_raw_yuv(dir.file("v.yuv"), {15, 8, {}, {}, {}});
              }).expected(),
              HasSubstr("184 bytes"));
  EXPECT_THAT(input_error_of([&] {
                read_raw_yuv(dir.file("v.yuv"), {16, 8, {ChromaFormat::k420, 12}, {}, {}});
              }).expected(),
              HasSubstr("bit depth"));
  EXPECT_THAT(input_error_of([&] {
                read_raw_yuv(dir.file("v.yuv"), {16, 8, {}, {0, 1}, {}});
              }).expected(),
              HasSubstr("frame rate"));
  testing::write_bytes(dir.file("empty.yuv"), {});
  EXPECT_EQ(input_error_of([&] {
              read_raw_yuv(dir.file("empty.yuv"), {16, 8, {}, {}, {}});
            }).expected(),
            "at least one frame");
  EXPECT_EQ(input_error_of([&] {
              read_raw_yuv(dir.file("missing.yuv"), {16, 8, {}, {}, {}});
            }).where(),
            dir.file("missing.yuv"));
}

}  // namespace
}  // namespace tgvc
