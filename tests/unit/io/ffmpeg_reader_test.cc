#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/io/ffmpeg_reader.h"
#include "harness/io/video_reader.h"
#include "tests/unit/io/io_test_support.h"

namespace tgvc {
namespace {

using ::testing::HasSubstr;
using testing::input_error_of;

const std::string kVtest = "/usr/share/doc/opencv-doc/examples/data/vtest.avi";

// The first `frames` frames as the ffmpeg CLI decodes them (single-threaded, no frame rate
// conversion), in `pix_fmt`.
std::vector<uint8_t> ffmpeg_decode(const testing::ScratchDir& dir, const std::string& path, int frames,
                                   const std::string& pix_fmt) {
  testing::run_ffmpeg({"-threads", "1", "-i", path, "-frames:v", std::to_string(frames), "-fps_mode",
                       "passthrough", "-f", "rawvideo", "-pix_fmt", pix_fmt, dir.file("decoded.raw")});
  return testing::read_bytes(dir.file("decoded.raw"));
}

TEST(FfmpegReader, VtestGeometryRateAndColour) {
  const Video video = read_video(kVtest, {0, 2});
  EXPECT_EQ(video.info.width, 768);
  EXPECT_EQ(video.info.height, 576);
  EXPECT_EQ(video.info.fps.num, 10);
  EXPECT_EQ(video.info.fps.den, 1);
  EXPECT_EQ(video.info.format, (PixelFormat{ChromaFormat::k420, 8, ColourFamily::kYuv}));
  // The stream states no matrix: standard definition, so BT.601; limited range.
  EXPECT_EQ(video.info.colour.matrix, Matrix::kBt601);
  EXPECT_EQ(video.info.colour.range, Range::kLimited);
  ASSERT_EQ(video.frame_count(), 2);
  EXPECT_EQ(video.frames[1].planes[1].width, 384);
}

TEST(FfmpegReader, VtestHas795FramesAndRangesStopThere) {
  EXPECT_EQ(read_ffmpeg(kVtest, {794, -1}).frame_count(), 1);
  const InputError past = input_error_of([] { read_ffmpeg(kVtest, {795, 1}); });
  EXPECT_EQ(past.where(), kVtest + " frame range");
  EXPECT_THAT(past.found(), HasSubstr("795 frames"));
  EXPECT_THAT(input_error_of([] { read_ffmpeg(kVtest, {790, 10}); }).found(), HasSubstr("only 795 frames"));
}

TEST(FfmpegReader, VtestFramesMatchTheFfmpegCli) {
  testing::ScratchDir dir;
  const std::vector<uint8_t> expected = ffmpeg_decode(dir, kVtest, 43, "yuv420p");
  const size_t frame_bytes = 768 * 576 * 3 / 2;
  ASSERT_EQ(expected.size(), 43 * frame_bytes);
  const Video first = read_video(kVtest, {0, 3});
  EXPECT_EQ(testing::stored_bytes(first, 0, 3),
            std::vector<uint8_t>(expected.begin(), expected.begin() + 3 * frame_bytes));
  const Video later = read_video(kVtest, {40, 3});
  EXPECT_EQ(testing::stored_bytes(later, 0, 3),
            std::vector<uint8_t>(expected.begin() + 40 * frame_bytes, expected.end()));
}

// Containers written by the CLI come back with their frame count and, for lossless FFV1, with the
// very samples the CLI decodes; 10-bit sources stay 10-bit.
TEST(FfmpegReader, ReadsContainersTheCliWrites) {
  testing::ScratchDir dir;
  struct Case {
    std::string file, codec, pix_fmt;
    PixelFormat expected;
  };
  const Case cases[] = {
      {"a.mkv", "ffv1", "yuv420p", {ChromaFormat::k420, 8, ColourFamily::kYuv}},
      {"b.mkv", "ffv1", "yuv420p10le", {ChromaFormat::k420, 10, ColourFamily::kYuv}},
      {"c.mkv", "ffv1", "yuv444p10le", {ChromaFormat::k444, 10, ColourFamily::kYuv}},
      {"d.mp4", "mpeg4", "yuv420p", {ChromaFormat::k420, 8, ColourFamily::kYuv}},
  };
  for (const Case& c : cases) {
    testing::run_ffmpeg({"-f", "lavfi", "-i", "testsrc2=size=96x64:rate=24", "-frames:v", "17", "-pix_fmt",
                         c.pix_fmt, "-c:v", c.codec, dir.file(c.file)});
    const Video video = read_video(dir.file(c.file));
    EXPECT_EQ(video.frame_count(), 17) << c.file;
    EXPECT_EQ(video.info.format, c.expected) << c.file;
    EXPECT_EQ(video.info.fps.value(), 24.0) << c.file;
    EXPECT_EQ(testing::stored_bytes(video, 0, video.frame_count()),
              ffmpeg_decode(dir, dir.file(c.file), 17, c.pix_fmt))
        << c.file;
  }
}

// Full-range (yuvj) and 4:2:2 sources are converted to 4:2:0 keeping their range.
TEST(FfmpegReader, ConvertsOtherPixelFormats) {
  testing::ScratchDir dir;
  testing::run_ffmpeg({"-f", "lavfi", "-i", "color=c=white:size=32x16:rate=5", "-frames:v", "3", "-pix_fmt",
                       "yuvj422p", "-c:v", "mjpeg", "-q:v", "1", dir.file("w.avi")});
  const Video video = read_video(dir.file("w.avi"));
  EXPECT_EQ(video.frame_count(), 3);
  EXPECT_EQ(video.info.format.chroma, ChromaFormat::k420);
  EXPECT_EQ(video.info.colour.range, Range::kFull);
  EXPECT_NEAR(video.frames[2].planes[0].at(5, 5), 255, 1);  // white stays full-range white
  EXPECT_NEAR(video.frames[2].planes[1].at(5, 5), 128, 1);
}

// Interleaved samples (rgb24 / rgb48le, as the CLI writes them) vs our R, G, B planes.
void expect_rgb_samples(const Video& video, const std::vector<uint8_t>& raw, int bytes_per_sample) {
  const size_t per_frame = size_t{3} * video.info.width * video.info.height;
  ASSERT_EQ(raw.size(), per_frame * bytes_per_sample * video.frame_count());
  for (int f = 0; f < video.frame_count(); ++f) {
    for (size_t i = 0; i < per_frame / 3; ++i) {
      for (int c = 0; c < 3; ++c) {
        const size_t at = (f * per_frame + 3 * i + c) * bytes_per_sample;
        const int expected = bytes_per_sample == 2 ? raw[at] | raw[at + 1] << 8 : raw[at];
        ASSERT_EQ(video.frames[f].planes[c].samples[i], expected)
            << "frame " << f << " sample " << i << " c " << c;
      }
    }
  }
}

// RGB sources stay RGB 4:4:4 with the source's samples; the colour spec (for a later conversion
// to YUV) is chosen by height: BT.601 below 720 lines, limited range.
TEST(FfmpegReader, RgbSourcesStayRgb) {
  testing::ScratchDir dir;
  testing::run_ffmpeg({"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=5", "-frames:v", "2", "-pix_fmt",
                       "bgr0", "-c:v", "ffv1", dir.file("rgb.mkv")});
  const Video video = read_video(dir.file("rgb.mkv"));
  EXPECT_EQ(video.info.format, (PixelFormat{ChromaFormat::k444, 8, ColourFamily::kRgb}));
  EXPECT_EQ(video.info.colour.matrix, Matrix::kBt601);
  EXPECT_EQ(video.info.colour.range, Range::kLimited);
  testing::run_ffmpeg(
      {"-i", dir.file("rgb.mkv"), "-f", "rawvideo", "-pix_fmt", "rgb24", dir.file("rgb.raw")});
  expect_rgb_samples(video, testing::read_bytes(dir.file("rgb.raw")), 1);
}

// PNGs of every common kind: 8- and 16-bit RGB, RGBA (alpha dropped), palette, 8- and 16-bit grey
// (R = G = B), at odd sizes. The CLI's rgb24 / rgb48le output is the independent decode.
TEST(FfmpegReader, PngKinds) {
  testing::ScratchDir dir;
  struct Case {
    std::string pix_fmt;
    int depth;
  };
  const Case cases[] = {{"rgb24", 8}, {"rgba", 8},     {"pal8", 8},
                        {"gray", 8},  {"rgb48be", 16}, {"gray16be", 16}};
  for (const Case& c : cases) {
    const std::string png = dir.file(c.pix_fmt + ".png");
    testing::run_ffmpeg({"-f", "lavfi", "-i", "testsrc2=size=37x23:rate=5,format=rgba,geq=r='r(X,Y)':a='X*7'",
                         "-frames:v", "1", "-pix_fmt", c.pix_fmt, png});
    const Video video = read_video(png);
    EXPECT_EQ(video.info.format, (PixelFormat{ChromaFormat::k444, c.depth, ColourFamily::kRgb})) << c.pix_fmt;
    const std::string raw = dir.file(c.pix_fmt + ".raw");
    testing::run_ffmpeg({"-i", png, "-f", "rawvideo", "-pix_fmt", c.depth == 16 ? "rgb48le" : "rgb24", raw});
    SCOPED_TRACE(c.pix_fmt);
    expect_rgb_samples(video, testing::read_bytes(raw), c.depth == 16 ? 2 : 1);
    if (c.pix_fmt.rfind("gray", 0) == 0) {
      EXPECT_EQ(video.frames[0].planes[0].samples, video.frames[0].planes[2].samples) << c.pix_fmt;
    }
  }
}

TEST(FfmpegReader, TextFileWithVideoExtensionNamesTheFile) {
  testing::ScratchDir dir;
  testing::write_text(dir.file("notes.mp4"), "This is not a video, only some text.\n");
  const InputError error = input_error_of([&] { read_video(dir.file("notes.mp4")); });
  EXPECT_EQ(error.where(), dir.file("notes.mp4"));
  EXPECT_THAT(error.what(), HasSubstr("notes.mp4"));
  EXPECT_EQ(input_error_of([&] { read_video(dir.file("missing.mkv")); }).where(), dir.file("missing.mkv"));
}

// Odd sizes in 4:2:0 are read with chroma rounded up (17x10 for 33x20), the samples the CLI decodes.
TEST(FfmpegReader, OddGeometryIn420MatchesTheCli) {
  testing::ScratchDir dir;
  testing::run_ffmpeg({"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=5", "-vf", "scale=33:21", "-frames:v",
                       "2", "-pix_fmt", "yuv420p", "-c:v", "ffv1", dir.file("odd.mkv")});
  const Video video = read_video(dir.file("odd.mkv"));
  EXPECT_EQ(video.info.width, 33);
  EXPECT_EQ(video.info.height, 21);
  EXPECT_EQ(video.frames[0].planes[1].width, 17);
  EXPECT_EQ(video.frames[0].planes[1].height, 11);
  EXPECT_EQ(testing::stored_bytes(video, 0, 2), ffmpeg_decode(dir, dir.file("odd.mkv"), 2, "yuv420p"));
}

}  // namespace
}  // namespace tgvc
