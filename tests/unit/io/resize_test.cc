#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "harness/io/resize.h"
#include "tests/unit/io/io_test_support.h"

namespace tgvc {
namespace {

using testing::input_error_of;

constexpr PixelFormat k420_8{ChromaFormat::k420, 8, ColourFamily::kYuv};
constexpr PixelFormat k420_10{ChromaFormat::k420, 10, ColourFamily::kYuv};

Video constant_video(int width, int height, PixelFormat format, uint16_t y, uint16_t u, uint16_t v) {
  Video video;
  video.info = {width, height, format, {25, 1}, {}};
  Frame frame = Frame::allocate(width, height, format, y);
  frame.planes[1].samples.assign(frame.planes[1].samples.size(), u);
  frame.planes[2].samples.assign(frame.planes[2].samples.size(), v);
  video.frames = {frame, frame};
  return video;
}

TEST(Resize, NamesRoundTrip) {
  for (const char* name : {"bicubic", "bilinear", "lanczos", "area", "point"}) {
    ASSERT_TRUE(parse_resize_filter(name).has_value()) << name;
    EXPECT_STREQ(to_string(*parse_resize_filter(name)), name);
  }
  for (const char* name : {"squash", "crop"}) EXPECT_STREQ(to_string(*parse_resize_mode(name)), name);
  EXPECT_FALSE(parse_resize_filter("Bicubic").has_value());
  EXPECT_FALSE(parse_resize_mode("pad").has_value());
}

TEST(Resize, SquashAndCropGiveTheTargetSize) {
  const Video video = testing::random_video(120, 90, k420_8, 2, 4);
  for (ResizeMode mode : {ResizeMode::kSquash, ResizeMode::kCrop}) {
    const Video out = resize_video(video, 64, 40, mode, ResizeFilter::kBicubic);
    EXPECT_EQ(out.info.width, 64);
    EXPECT_EQ(out.info.height, 40);
    EXPECT_EQ(out.info.format, k420_8);
    ASSERT_EQ(out.frame_count(), 2);
    EXPECT_EQ(out.frames[1].planes[0].width, 64);
    EXPECT_EQ(out.frames[1].planes[2].height, 20);
  }
  // Odd targets are valid: chroma rounds up.
  const Video odd = resize_video(video, 63, 41, ResizeMode::kCrop, ResizeFilter::kArea);
  EXPECT_EQ(odd.frames[0].planes[1].width, 32);
  EXPECT_EQ(odd.frames[0].planes[1].height, 21);
  EXPECT_EQ(input_error_of([&] {
              resize_video(video, 16385, 40, ResizeMode::kSquash, ResizeFilter::kArea);
            }).where(),
            "resize target");
  input_error_of([&] { resize_video(video, 0, 40, ResizeMode::kCrop, ResizeFilter::kArea); });
}

TEST(Resize, ConstantFramesStayConstant) {
  for (PixelFormat format : {k420_8, k420_10, PixelFormat{ChromaFormat::k444, 8, ColourFamily::kRgb}}) {
    const Video video = constant_video(98, 54, format, 181, 47, 203);
    for (const char* name : {"bicubic", "bilinear", "lanczos", "area", "point"}) {
      for (ResizeMode mode : {ResizeMode::kSquash, ResizeMode::kCrop}) {
        const Video out = resize_video(video, 64, 40, mode, *parse_resize_filter(name));
        const uint16_t expected[3] = {181, 47, 203};
        for (int p = 0; p < 3; ++p) {
          const std::vector<uint16_t>& samples = out.frames[0].planes[p].samples;
          EXPECT_EQ(samples, std::vector<uint16_t>(samples.size(), expected[p]))
              << name << " " << to_string(mode) << " plane " << p << " bits " << format.bit_depth;
        }
      }
    }
  }
}

// A 200x100 picture cropped to 100x100 needs no scaling: the result is the centre columns 50..149.
TEST(Resize, CropKeepsTheCentre) {
  const Video video = testing::random_video(200, 100, k420_8, 1, 8);
  const Video out = resize_video(video, 100, 100, ResizeMode::kCrop, ResizeFilter::kLanczos);
  for (int y = 0; y < 100; ++y) {
    for (int x = 0; x < 100; ++x)
      ASSERT_EQ(out.frames[0].planes[0].at(x, y), video.frames[0].planes[0].at(x + 50, y));
  }
  for (int y = 0; y < 50; ++y) {
    for (int x = 0; x < 50; ++x)
      ASSERT_EQ(out.frames[0].planes[1].at(x, y), video.frames[0].planes[1].at(x + 25, y));
  }
}

// Squashing gives the samples of the ffmpeg CLI's scale filter with the same swscale flags.
TEST(Resize, SquashMatchesTheFfmpegScaleFilter) {
  testing::ScratchDir dir;
  const Video video = testing::random_video(96, 60, k420_8, 2, 12);
  testing::write_bytes(dir.file("in.yuv"), testing::stored_bytes(video, 0, 2));
  for (const char* name : {"bicubic", "lanczos", "area"}) {
    testing::run_ffmpeg({"-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", "96x60", "-i", dir.file("in.yuv"),
                         "-vf", std::string("scale=64:40:flags=") + name + "+accurate_rnd+bitexact", "-f",
                         "rawvideo", dir.file("out.yuv")});
    const Video out = resize_video(video, 64, 40, ResizeMode::kSquash, *parse_resize_filter(name));
    EXPECT_EQ(testing::stored_bytes(out, 0, 2), testing::read_bytes(dir.file("out.yuv"))) << name;
  }
}

// From and to odd sizes (a 720x405 web clip squashed to 512x320, and back to an odd size), in 4:2:0
// and 4:2:2, against the CLI's scale filter; 16-bit RGB against the CLI's gbrp16le scaling.
TEST(Resize, OddSizesMatchTheFfmpegScaleFilter) {
  testing::ScratchDir dir;
  struct Case {
    int w, h, to_w, to_h;
    PixelFormat format;
    const char* pix_fmt;
  };
  const Case cases[] = {{720, 405, 512, 320, k420_8, "yuv420p"},
                        {97, 61, 45, 27, k420_8, "yuv420p"},
                        {97, 61, 45, 27, k420_10, "yuv420p10le"},
                        {97, 61, 64, 41, {ChromaFormat::k422, 8, ColourFamily::kYuv}, "yuv422p"}};
  for (const Case& c : cases) {
    const Video video = testing::random_video(c.w, c.h, c.format, 1, 13);
    testing::write_bytes(dir.file("in.yuv"), testing::stored_bytes(video, 0, 1));
    testing::run_ffmpeg({"-f", "rawvideo", "-pix_fmt", c.pix_fmt, "-s", fmt::format("{}x{}", c.w, c.h), "-i",
                         dir.file("in.yuv"), "-vf",
                         fmt::format("scale={}:{}:flags=bicubic+accurate_rnd+bitexact", c.to_w, c.to_h), "-f",
                         "rawvideo", dir.file("out.yuv")});
    const Video out = resize_video(video, c.to_w, c.to_h, ResizeMode::kSquash, ResizeFilter::kBicubic);
    EXPECT_EQ(testing::stored_bytes(out, 0, 1), testing::read_bytes(dir.file("out.yuv")))
        << c.w << "x" << c.h << " " << c.pix_fmt;
  }
  // 16-bit RGB: our R, G, B planes are the CLI's gbrp16le planes G, B, R.
  const PixelFormat rgb16{ChromaFormat::k444, 16, ColourFamily::kRgb};
  const Video video = testing::random_video(37, 23, rgb16, 1, 17);
  std::vector<uint8_t> gbr;
  for (int p : {1, 2, 0}) {
    for (uint16_t v : video.frames[0].planes[p].samples)
      gbr.insert(gbr.end(), {uint8_t(v & 0xff), uint8_t(v >> 8)});
  }
  testing::write_bytes(dir.file("in.gbr"), gbr);
  testing::run_ffmpeg({"-f", "rawvideo", "-pix_fmt", "gbrp16le", "-s", "37x23", "-i", dir.file("in.gbr"),
                       "-vf", "scale=20:13:flags=bicubic+accurate_rnd+bitexact", "-f", "rawvideo",
                       dir.file("out.gbr")});
  const Video out = resize_video(video, 20, 13, ResizeMode::kSquash, ResizeFilter::kBicubic);
  EXPECT_EQ(out.info.format, rgb16);
  const std::vector<uint8_t> expected = testing::read_bytes(dir.file("out.gbr"));
  ASSERT_EQ(expected.size(), 20u * 13 * 6);
  for (int q = 0; q < 3; ++q) {
    const int p = (q + 1) % 3;  // planes G, B, R
    for (int i = 0; i < 20 * 13; ++i) {
      const size_t at = (static_cast<size_t>(q) * 20 * 13 + i) * 2;
      ASSERT_EQ(out.frames[0].planes[p].samples[i], expected[at] | expected[at + 1] << 8) << "plane " << p;
    }
  }
}

TEST(ConvertPixelFormat, EightToTenToEightIsLossless) {
  for (Range range : {Range::kLimited, Range::kFull}) {
    Video video = testing::random_video(16, 8, k420_8, 2, 21);
    video.info.colour.range = range;
    const Video ten = convert_pixel_format(video, k420_10);
    EXPECT_EQ(ten.info.format, k420_10);
    EXPECT_EQ(ten.frames[0].format, k420_10);
    const Video back = convert_pixel_format(ten, k420_8);
    for (int p = 0; p < 3; ++p)
      EXPECT_EQ(back.frames[1].planes[p].samples, video.frames[1].planes[p].samples);
  }
  // Reference levels: limited 8-bit black 16 and white 235 are 64 and 940; full-range white 255
  // is 1023 and the chroma midpoint 128 is 512.
  Video levels = constant_video(2, 2, k420_8, 235, 128, 16);
  EXPECT_EQ(convert_pixel_format(levels, k420_10).frames[0].planes[0].at(0, 0), 940);
  EXPECT_EQ(convert_pixel_format(levels, k420_10).frames[0].planes[2].at(0, 0), 64);
  levels = constant_video(2, 2, k420_8, 255, 128, 0);
  levels.info.colour.range = Range::kFull;
  const Frame full = convert_pixel_format(levels, k420_10).frames[0];
  EXPECT_EQ(full.planes[0].at(0, 0), 1023);
  EXPECT_EQ(full.planes[1].at(0, 0), 512);
  EXPECT_EQ(full.planes[2].at(0, 0), 0);  // 512 - 128 * 1023 / 255 = -1.5, clamped to the lowest code
  // 10 -> 8 rounds: 941 (235.25) -> 235, 942 (235.5) -> 236.
  Video ten = constant_video(2, 2, k420_10, 941, 942, 1023);
  const Frame eight = convert_pixel_format(ten, k420_8).frames[0];
  EXPECT_EQ(eight.planes[0].at(0, 0), 235);
  EXPECT_EQ(eight.planes[1].at(0, 0), 236);
  EXPECT_EQ(eight.planes[2].at(0, 0), 255);
}

TEST(ConvertPixelFormat, ChromaRegridding) {
  const Video video = testing::random_video(10, 6, k420_8, 1, 30);
  const Video full = convert_pixel_format(video, {ChromaFormat::k444, 8, ColourFamily::kYuv});
  EXPECT_EQ(full.frames[0].planes[1].width, 10);
  EXPECT_EQ(full.frames[0].planes[1].at(3, 5), video.frames[0].planes[1].at(1, 2));  // repeated
  const Video back = convert_pixel_format(full, k420_8);
  EXPECT_EQ(back.frames[0].planes[2].samples, video.frames[0].planes[2].samples);
  // 4:4:4 -> 4:2:2 takes the rounded mean of horizontal pairs.
  const Video half =
      convert_pixel_format(testing::random_video(4, 2, {ChromaFormat::k444, 8, ColourFamily::kYuv}, 1, 2),
                           {ChromaFormat::k422, 8, ColourFamily::kYuv});
  const Video source = testing::random_video(4, 2, {ChromaFormat::k444, 8, ColourFamily::kYuv}, 1, 2);
  const Plane& u = source.frames[0].planes[1];
  EXPECT_EQ(half.frames[0].planes[1].at(1, 1), (u.at(2, 1) + u.at(3, 1) + 1) / 2);
  EXPECT_EQ(input_error_of([&] {
              convert_pixel_format(video, {ChromaFormat::k444, 8, ColourFamily::kRgb});
            }).found(),
            "RGB");
}

}  // namespace
}  // namespace tgvc
