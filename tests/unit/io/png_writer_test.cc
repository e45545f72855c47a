#include "harness/io/png_writer.h"

#include <gtest/gtest.h>

#include "tests/unit/io/io_test_support.h"

namespace tgvc {
namespace {

using testing::read_bytes;
using testing::run_ffmpeg;
using testing::ScratchDir;

// The PNG decodes (through FFmpeg's reader, an independent path) to the RGB we encoded.
TEST(PngWriter, RoundTripsThroughAnIndependentDecoder) {
  Frame rgb = Frame::allocate(20, 10, {ChromaFormat::k444, 8, ColourFamily::kRgb});
  for (int c = 0; c < 3; ++c) {
    for (int y = 0; y < 10; ++y) {
      for (int x = 0; x < 20; ++x)
        rgb.planes[c].at(x, y) = static_cast<uint16_t>((x * 13 + y * 7 + c * 50) % 256);
    }
  }
  const std::vector<uint8_t> png = encode_png(rgb, {});
  ASSERT_GT(png.size(), 8u);
  EXPECT_EQ(png[1], 'P');
  EXPECT_EQ(png[2], 'N');
  EXPECT_EQ(png[3], 'G');
  EXPECT_EQ(png, encode_png(rgb, {}));  // deterministic
  const ScratchDir dir;
  const std::string path = dir.file("picture.png");
  const std::string raw = dir.file("decoded.rgb");
  write_png(path, rgb, {});
  run_ffmpeg({"-i", path, "-f", "rawvideo", "-pix_fmt", "rgb24", raw});
  const std::vector<uint8_t> decoded = read_bytes(raw);
  ASSERT_EQ(decoded.size(), 20u * 10 * 3);
  for (int y = 0; y < 10; ++y) {
    for (int x = 0; x < 20; ++x) {
      for (int c = 0; c < 3; ++c) {
        ASSERT_EQ(decoded[(y * 20 + x) * 3 + c], rgb.planes[c].at(x, y)) << x << "," << y << "," << c;
      }
    }
  }
}

// 16-bit RGB goes into a 16-bit PNG sample for sample; 8-bit RGB into one is scaled by 257; 16-bit
// RGB into an 8-bit PNG is divided by 257, rounded. Decoded by the ffmpeg CLI.
TEST(PngWriter, SixteenBitSamples) {
  const int w = 7, h = 3;  // odd sizes on purpose
  Frame rgb = Frame::allocate(w, h, {ChromaFormat::k444, 16, ColourFamily::kRgb});
  for (int c = 0; c < 3; ++c) {
    for (int i = 0; i < w * h; ++i)
      rgb.planes[c].samples[i] = static_cast<uint16_t>((i * 4099 + c * 20011) % 65536);
  }
  const ScratchDir dir;
  const std::string path = dir.file("picture.png");
  const std::string raw = dir.file("decoded.rgb");
  write_png(path, rgb, {}, 16);
  run_ffmpeg({"-i", path, "-f", "rawvideo", "-pix_fmt", "rgb48le", raw});
  std::vector<uint8_t> decoded = read_bytes(raw);
  ASSERT_EQ(decoded.size(), size_t{w} * h * 6);
  for (int i = 0; i < w * h; ++i) {
    for (int c = 0; c < 3; ++c) {
      const int v = decoded[6 * i + 2 * c] | decoded[6 * i + 2 * c + 1] << 8;
      ASSERT_EQ(v, rgb.planes[c].samples[i]) << i << "," << c;
    }
  }
  write_png(path, rgb, {}, 8);
  run_ffmpeg({"-i", path, "-f", "rawvideo", "-pix_fmt", "rgb24", raw});
  decoded = read_bytes(raw);
  ASSERT_EQ(decoded.size(), size_t{w} * h * 3);
  for (int i = 0; i < w * h; ++i) {
    for (int c = 0; c < 3; ++c) {
      ASSERT_EQ(decoded[3 * i + c], (rgb.planes[c].samples[i] * 255 + 32767) / 65535) << i << "," << c;
    }
  }
  Frame rgb8 = Frame::allocate(w, h, {ChromaFormat::k444, 8, ColourFamily::kRgb}, 200);
  write_png(path, rgb8, {}, 16);
  run_ffmpeg({"-i", path, "-f", "rawvideo", "-pix_fmt", "rgb48le", raw});
  decoded = read_bytes(raw);
  ASSERT_EQ(decoded.size(), size_t{w} * h * 6);
  for (size_t i = 0; i < decoded.size(); i += 2) ASSERT_EQ(decoded[i] | decoded[i + 1] << 8, 200 * 257);
}

TEST(PngWriter, TenBitYuvIsConvertedAndRounded) {
  Frame yuv = Frame::allocate(5, 3, {ChromaFormat::k420, 10, ColourFamily::kYuv}, 512);  // odd: chroma 3x2
  yuv.planes[0].samples.assign(15, 940);  // limited-range white
  const ScratchDir dir;
  const std::string path = dir.file("picture.png");
  const std::string raw = dir.file("decoded.rgb");
  write_png(path, yuv, {Matrix::kBt709, Range::kLimited});
  run_ffmpeg({"-i", path, "-f", "rawvideo", "-pix_fmt", "rgb24", raw});
  ASSERT_EQ(read_bytes(raw).size(), 5u * 3 * 3);
  for (uint8_t v : read_bytes(raw)) EXPECT_EQ(v, 255);
}

}  // namespace
}  // namespace tgvc
