#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <tuple>

#include "harness/core/lcg.h"
#include "harness/io/video_reader.h"
#include "harness/io/y4m_reader.h"
#include "harness/io/y4m_writer.h"
#include "tests/unit/io/io_test_support.h"

namespace tgvc {
namespace {

using ::testing::HasSubstr;
using testing::input_error_of;

constexpr PixelFormat k420_8{ChromaFormat::k420, 8, ColourFamily::kYuv};
constexpr PixelFormat k420_10{ChromaFormat::k420, 10, ColourFamily::kYuv};
constexpr PixelFormat k422_8{ChromaFormat::k422, 8, ColourFamily::kYuv};
constexpr PixelFormat k422_10{ChromaFormat::k422, 10, ColourFamily::kYuv};
constexpr PixelFormat k444_8{ChromaFormat::k444, 8, ColourFamily::kYuv};
constexpr PixelFormat k444_10{ChromaFormat::k444, 10, ColourFamily::kYuv};

void expect_same_frames(const Video& actual, const Video& expected, int first_expected) {
  for (int f = 0; f < actual.frame_count(); ++f) {
    for (int p = 0; p < 3; ++p) {
      ASSERT_EQ(actual.frames[f].planes[p].samples, expected.frames[first_expected + f].planes[p].samples)
          << "frame " << f << " plane " << p;
    }
  }
}

class Y4mRoundTrip : public ::testing::TestWithParam<PixelFormat> {};

TEST_P(Y4mRoundTrip, WriteThenReadGivesTheSameVideo) {
  testing::ScratchDir dir;
  Video video = testing::random_video(35, 23, GetParam(), 3, 7);  // odd: chroma rounds up
  video.info.fps = {30000, 1001};
  video.info.colour.range = GetParam().bit_depth == 10 ? Range::kFull : Range::kLimited;
  write_y4m(dir.file("v.y4m"), video);
  const Video back = read_video(dir.file("v.y4m"));
  EXPECT_EQ(back.info.width, 35);
  EXPECT_EQ(back.info.height, 23);
  EXPECT_EQ(back.info.format, GetParam());
  EXPECT_EQ(back.info.fps.num, 30000);
  EXPECT_EQ(back.info.fps.den, 1001);
  EXPECT_EQ(back.info.colour.range, video.info.colour.range);
  EXPECT_EQ(back.info.colour.matrix, Matrix::kBt709);
  ASSERT_EQ(back.frame_count(), 3);
  expect_same_frames(back, video, 0);
}

INSTANTIATE_TEST_SUITE_P(Formats, Y4mRoundTrip,
                         ::testing::Values(k420_8, k420_10, k444_8, k422_8, k422_10, k444_10));

// The ffmpeg CLI, an independent Y4M reader, decodes our files to the samples we wrote.
TEST(Y4mWriter, FfmpegReadsWhatWeWrite) {
  testing::ScratchDir dir;
  const std::pair<PixelFormat, const char*> cases[] = {
      {k420_8, "yuv420p"}, {k420_10, "yuv420p10le"}, {k422_8, "yuv422p"}, {k444_10, "yuv444p10le"}};
  for (const auto& [format, name] : cases) {
    for (const auto& [w, h] : {std::pair{32, 16}, std::pair{33, 21}}) {  // odd: chroma rounds up
      const Video video = testing::random_video(w, h, format, 2, 11);
      write_y4m(dir.file("w.y4m"), video);
      testing::run_ffmpeg({"-i", dir.file("w.y4m"), "-f", "rawvideo", "-pix_fmt", name, dir.file("w.raw")});
      EXPECT_EQ(testing::read_bytes(dir.file("w.raw")), testing::stored_bytes(video, 0, 2))
          << name << " " << w;
    }
  }
}

// We read Y4M files that the ffmpeg CLI writes, to the samples it decodes from them.
TEST(Y4mReader, ReadsWhatFfmpegWrites) {
  testing::ScratchDir dir;
  for (const auto& [format, name, size] :
       {std::tuple{k420_8, "yuv420p", "48:32"}, std::tuple{k420_10, "yuv420p10le", "48:32"},
        std::tuple{k444_8, "yuv444p", "48:32"}, std::tuple{k422_10, "yuv422p10le", "48:32"},
        std::tuple{k420_8, "yuv420p", "33:21"}, std::tuple{k422_8, "yuv422p", "33:21"},
        std::tuple{k444_8, "yuv444p", "35:19"}}) {  // not odd 10-bit: FFmpeg 5.1's Y4M muxer drops samples
    const std::vector<std::string> source = {"-f",
                                             "lavfi",
                                             "-i",
                                             "testsrc2=size=64x48:rate=12",
                                             "-vf",
                                             std::string("scale=") + size,  // odd sizes too
                                             "-frames:v",
                                             "4",
                                             "-pix_fmt",
                                             name,
                                             "-strict",
                                             "-1"};
    std::vector<std::string> to_y4m = source, to_raw = source;
    to_y4m.push_back(dir.file("t.y4m"));
    to_raw.insert(to_raw.end(), {"-f", "rawvideo", dir.file("t.raw")});
    testing::run_ffmpeg(to_y4m);
    testing::run_ffmpeg(to_raw);
    const Video video = read_y4m(dir.file("t.y4m"));
    EXPECT_EQ(video.info.format, format) << name;
    EXPECT_EQ(std::to_string(video.info.width) + ":" + std::to_string(video.info.height), size);
    EXPECT_EQ(video.info.fps.value(), 12.0);
    ASSERT_EQ(video.frame_count(), 4);
    EXPECT_EQ(testing::stored_bytes(video, 0, 4), testing::read_bytes(dir.file("t.raw"))) << name;
  }
}

TEST(Y4mReader, FrameRangeKeepsOnlyTheRequestedFrames) {
  testing::ScratchDir dir;
  const Video video = testing::random_video(16, 8, k420_8, 10, 3);
  write_y4m(dir.file("r.y4m"), video);
  const Video middle = read_y4m(dir.file("r.y4m"), {3, 4});
  ASSERT_EQ(middle.frame_count(), 4);
  expect_same_frames(middle, video, 3);
  const Video last = read_y4m(dir.file("r.y4m"), {9, -1});
  ASSERT_EQ(last.frame_count(), 1);
  expect_same_frames(last, video, 9);
  EXPECT_THAT(input_error_of([&] {
                read_y4m(dir.file("r.y4m"), {10, 1});
              }).where(),
              HasSubstr("frame range"));
  EXPECT_THAT(input_error_of([&] {
                read_y4m(dir.file("r.y4m"), {8, 5});
              }).found(),
              HasSubstr("only 10 frames"));
  input_error_of([&] { read_y4m(dir.file("r.y4m"), {0, 0}); });
  input_error_of([&] { read_y4m(dir.file("r.y4m"), {-1, 2}); });
}

TEST(Y4mReader, FrameHeadersWithParametersAndDefaults) {
  testing::ScratchDir dir;
  // No C tag (8-bit 4:2:0), no F tag (25 fps), full range, unknown tags ignored.
  std::string text = "YUV4MPEG2 W4 H2 Ip A0:0 XCOLORRANGE=FULL XYSCSS=420JPEG Zfoo\n";
  for (int f = 0; f < 3; ++f)
    text += "FRAME Ixyz Xbar\n" + std::string(8, static_cast<char>('a' + f)) + "\n\n\n\n";
  testing::write_text(dir.file("p.y4m"), text);
  const Video video = read_y4m(dir.file("p.y4m"), {1, 2});
  EXPECT_EQ(video.info.format, k420_8);
  EXPECT_EQ(video.info.fps.num, 25);
  EXPECT_EQ(video.info.colour.range, Range::kFull);
  ASSERT_EQ(video.frame_count(), 2);
  EXPECT_EQ(video.frames[0].planes[0].samples, std::vector<uint16_t>(8, 'b'));
  EXPECT_EQ(video.frames[1].planes[2].samples, std::vector<uint16_t>(2, '\n'));
}

TEST(Y4mReader, TruncatedFrameNamesTheFrame) {
  testing::ScratchDir dir;
  write_y4m(dir.file("t.y4m"), testing::random_video(16, 8, k420_8, 3, 5));
  std::filesystem::resize_file(dir.file("t.y4m"), std::filesystem::file_size(dir.file("t.y4m")) - 10);
  const InputError error = input_error_of([&] { read_y4m(dir.file("t.y4m")); });
  EXPECT_EQ(error.where(), dir.file("t.y4m") + " frame 2");
  EXPECT_EQ(error.expected(), "192 bytes of frame data");
  EXPECT_THAT(error.found(), HasSubstr("182 bytes"));
  EXPECT_EQ(read_y4m(dir.file("t.y4m"), {0, 2}).frame_count(), 2);  // the damage lies beyond the range
}

// FFmpeg 5.1's Y4M muxer writes odd-width 10-bit 4:2:0 with chroma rows of ceil(2 * 5 / 2) = 5
// bytes instead of 3 samples (6 bytes): each frame is 50 bytes where 54 are due, so reading frame 0
// runs into the next FRAME header ("FR" as a sample is 21062). The error says the frame size is off.
TEST(Y4mReader, FramesOfAnotherSizeAreNamedAsSuch) {
  testing::ScratchDir dir;
  std::string text = "YUV4MPEG2 W5 H3 F30:1 C420p10\n";
  for (int f = 0; f < 2; ++f) {
    text += "FRAME\n";
    for (int i = 0; i < 15; ++i) text += std::string("\x64\x00", 2);                   // luma 100
    for (int row = 0; row < 4; ++row) text += std::string("\x00\x02\x00\x02\x00", 5);  // short chroma rows
  }
  testing::write_text(dir.file("short.y4m"), text);
  const InputError error = input_error_of([&] { read_y4m(dir.file("short.y4m")); });
  EXPECT_EQ(error.where(), dir.file("short.y4m") + " frame 0");
  EXPECT_EQ(error.expected(),
            "frames of 54 bytes (5x3 420 10-bit, chroma planes 3x2), each followed by a FRAME header");
  EXPECT_THAT(error.found(), HasSubstr("21062 in plane 2"));
  EXPECT_THAT(error.found(), HasSubstr("no FRAME header after the frame"));

  // Garbage high bits in a frame of the right size still name the sample alone.
  std::string bad = "YUV4MPEG2 W2 H2 F30:1 C444p10\nFRAME\n" + std::string(22, '\0') +
                    std::string("\xff\xff", 2) + "FRAME\n" + std::string(24, '\0');
  testing::write_text(dir.file("bad.y4m"), bad);
  const InputError sample = input_error_of([&] { read_y4m(dir.file("bad.y4m")); });
  EXPECT_THAT(sample.expected(), HasSubstr("10-bit samples"));
}

InputError header_error(const std::string& text) {
  testing::ScratchDir dir;
  testing::write_text(dir.file("h.y4m"), text);
  return input_error_of([&] { read_y4m(dir.file("h.y4m")); });
}

TEST(Y4mReader, RejectsBadHeaders) {
  EXPECT_THAT(header_error("YUV4MPEG W4 H2\nFRAME\n12345678abcd").expected(), HasSubstr("YUV4MPEG2"));
  EXPECT_THAT(header_error("RIFF....").expected(), HasSubstr("YUV4MPEG2"));
  EXPECT_THAT(header_error("YUV4MPEG2 W4 H2").found(), HasSubstr("no newline"));
  EXPECT_THAT(header_error("YUV4MPEG2 W4 H2 It\nFRAME\n123456").where(), HasSubstr("tag I"));
  EXPECT_THAT(header_error("YUV4MPEG2 W4 H2 Im\nFRAME\n123456").expected(), HasSubstr("progressive"));
  // Odd sizes are valid; 5x2 4:2:0 frames hold 10 + 2 * 3 bytes.
  EXPECT_THAT(header_error("YUV4MPEG2 W5 H2\nFRAME\n123456789").expected(), "16 bytes of frame data");
  EXPECT_THAT(header_error("YUV4MPEG2 W100000 H100000\nFRAME\n").expected(), HasSubstr("[1, 16384]"));
  EXPECT_THAT(header_error("YUV4MPEG2 W-4 H2\n").where(), HasSubstr("tag W"));
  EXPECT_THAT(header_error("YUV4MPEG2 W4\n").expected(), HasSubstr("W and H"));
  EXPECT_THAT(header_error("YUV4MPEG2 W4 H2 F25:0\n").where(), HasSubstr("tag F"));
  EXPECT_THAT(header_error("YUV4MPEG2 W4 H2 C420p12\n").found(), "C420p12");
  EXPECT_THAT(header_error("YUV4MPEG2 W4 H2 XCOLORRANGE=HALF\n").found(), HasSubstr("HALF"));
  EXPECT_THAT(header_error("YUV4MPEG2 W4 H2\n").expected(), "at least one frame");
  EXPECT_THAT(header_error("YUV4MPEG2 W4 H2\nFRAMX\n12345678abcd").expected(), "a FRAME header");
  EXPECT_THAT(header_error("YUV4MPEG2 W4 H2\nFRAME\n12345678abcdFRAME").where(), HasSubstr("frame 1"));
  // A huge frame size with almost no data is refused as truncated, without allocating the frame.
  EXPECT_THAT(header_error("YUV4MPEG2 W16384 H16384 C444p10\nFRAME\n1").expected(),
              "1610612736 bytes of frame data");
  // 10-bit words above 1023 are not 10-bit samples.
  EXPECT_THAT(header_error("YUV4MPEG2 W2 H2 C420p10\nFRAME\n\xff\xff" + std::string(10, '\0')).expected(),
              HasSubstr("10-bit samples"));
}

// Seeded random damage to a valid file (flipped bytes, cuts) reads or raises InputError; nothing
// else (ASan/UBSan builds check that nothing is read out of bounds).
TEST(Y4mReader, RandomDamageRaisesOnlyInputError) {
  testing::ScratchDir dir;
  write_y4m(dir.file("v.y4m"), testing::random_video(8, 4, k420_10, 3, 2));
  const std::vector<uint8_t> valid = testing::read_bytes(dir.file("v.y4m"));
  Lcg lcg(2024);
  int failures = 0;
  for (int trial = 0; trial < 400; ++trial) {
    std::vector<uint8_t> bytes = valid;
    const int header_bias = trial % 2 == 0 ? 80 : static_cast<int>(bytes.size());
    for (int k = 0; k < 1 + trial % 4; ++k)
      bytes[lcg.next() % header_bias] = static_cast<uint8_t>(lcg.next());
    if (trial % 3 == 0) bytes.resize(lcg.next() % bytes.size());
    testing::write_bytes(dir.file("d.y4m"), bytes);
    try {
      read_y4m(dir.file("d.y4m"));
    } catch (const InputError& error) {
      EXPECT_THAT(error.where(), HasSubstr("d.y4m"));
      ++failures;
    }
  }
  EXPECT_GT(failures, 100);  // most damage is detected
}

TEST(Y4mReader, MissingFileNamesIt) {
  const InputError error = input_error_of([] { read_video("/nonexistent/dir/clip.y4m"); });
  EXPECT_EQ(error.where(), "/nonexistent/dir/clip.y4m");
  testing::ScratchDir dir;
  std::filesystem::create_directory(dir.file("d.y4m"));
  // A folder is an image sequence whatever its name: this one holds no numbered PNGs.
  EXPECT_THAT(input_error_of([&] { read_video(dir.file("d.y4m")); }).expected(), HasSubstr("numbered PNG"));
}

TEST(Y4mWriter, RejectsRgbAndLeavesNoPartialFile) {
  testing::ScratchDir dir;
  Video rgb = testing::random_video(4, 4, {ChromaFormat::k444, 8, ColourFamily::kRgb}, 1, 1);
  EXPECT_THAT(input_error_of([&] { write_y4m(dir.file("rgb.y4m"), rgb); }).found(), "RGB");
  Video bad = testing::random_video(4, 4, k420_8, 2, 1);
  bad.frames[1].planes[0].samples[3] = 300;
  input_error_of([&] { write_y4m(dir.file("bad.y4m"), bad); });
  EXPECT_THROW(write_y4m("/nonexistent/dir/x.y4m", testing::random_video(4, 4, k420_8, 1, 1)), Error);
  write_y4m(dir.file("ok.y4m"), testing::random_video(4, 4, k420_8, 1, 1));
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir.file(""))) {
    names.push_back(entry.path().filename().string());
  }
  EXPECT_EQ(names, std::vector<std::string>{"ok.y4m"});
  const std::vector<uint8_t> bytes = testing::read_bytes(dir.file("ok.y4m"));
  EXPECT_EQ(std::string(bytes.begin(), bytes.begin() + 58),
            "YUV4MPEG2 W4 H4 F25:1 Ip A1:1 C420jpeg XCOLORRANGE=LIMITED");
}

}  // namespace
}  // namespace tgvc
