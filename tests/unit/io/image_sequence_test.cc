#include "harness/io/image_sequence.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <filesystem>

#include "harness/io/png_writer.h"
#include "harness/io/video_reader.h"
#include "tests/unit/io/io_test_support.h"

namespace tgvc {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::input_error_of;

constexpr PixelFormat kRgb8{ChromaFormat::k444, 8, ColourFamily::kRgb};
constexpr PixelFormat kRgb16{ChromaFormat::k444, 16, ColourFamily::kRgb};

// Writes frame f of `video` as folder/name(f) with `bits` per PNG sample.
template <typename Name>
void write_frames(const Video& video, const testing::ScratchDir& dir, Name name, int bits = 8) {
  for (int f = 0; f < video.frame_count(); ++f) write_png(dir.file(name(f)), video.frames[f], {}, bits);
}

std::string dcvc_name(int f) {
  return fmt::format("im{:05d}.png", f + 1);
}

void expect_same_samples(const Video& read, const Video& written, int first_written) {
  for (int f = 0; f < read.frame_count(); ++f) {
    for (int p = 0; p < 3; ++p) {
      ASSERT_EQ(read.frames[f].planes[p].samples, written.frames[first_written + f].planes[p].samples)
          << "frame " << f << " plane " << p;
    }
  }
}

// DCVC's layout: im00001.png ... read in order as RGB at the PNG's samples, at the default rate.
TEST(ImageSequence, DcvcFolderReadsEveryFrameAsWritten) {
  testing::ScratchDir dir;
  const Video source = testing::random_video(23, 17, kRgb8, 3, 7);
  write_frames(source, dir, dcvc_name);
  testing::write_text(dir.file("notes.txt"), "other files are ignored\n");
  const Video video = read_video(dir.file(""));
  ASSERT_EQ(video.frame_count(), 3);
  EXPECT_EQ(video.info.width, 23);
  EXPECT_EQ(video.info.height, 17);
  EXPECT_EQ(video.info.format, kRgb8);
  EXPECT_EQ(video.info.fps.value(), 30.0);
  expect_same_samples(video, source, 0);
}

// im1.png ... im12.png are in numeric order (im10 after im9), not in name order.
TEST(ImageSequence, UnpaddedNumbersSortNumerically) {
  testing::ScratchDir dir;
  const Video source = testing::random_video(8, 6, kRgb8, 12, 3);
  write_frames(source, dir, [](int f) { return fmt::format("im{}.png", f + 1); });
  const std::vector<std::string> files = input_files(dir.file(""));
  ASSERT_EQ(files.size(), 12u);
  EXPECT_EQ(std::filesystem::path(files[8]).filename(), "im9.png");
  EXPECT_EQ(std::filesystem::path(files[9]).filename(), "im10.png");
  expect_same_samples(read_video(dir.file("")), source, 0);
}

// A printf pattern takes only the names it prints: frame_7.png and frame_00001.jpg are not frames.
TEST(ImageSequence, PatternMatchesOnlyTheNamesItPrints) {
  testing::ScratchDir dir;
  const Video source = testing::random_video(10, 9, kRgb8, 4, 5);
  write_frames(source, dir, [](int f) { return fmt::format("frame_{:05d}.png", f); });
  write_png(dir.file("frame_7.png"), source.frames[0], {});
  write_png(dir.file("frame_00001.jpg.png"), source.frames[0], {});
  const std::string pattern = dir.file("frame_%05d.png");
  EXPECT_TRUE(is_image_sequence(pattern));
  ASSERT_EQ(input_files(pattern).size(), 4u);
  EXPECT_EQ(input_files(pattern).front(), dir.file("frame_00000.png"));
  expect_same_samples(read_video(pattern), source, 0);
  // %d prints no padding: only frame_7.png matches.
  EXPECT_THAT(input_files(dir.file("frame_%d.png")), ElementsAre(dir.file("frame_7.png")));
}

TEST(ImageSequence, FrameRangeAndRate) {
  testing::ScratchDir dir;
  const Video source = testing::random_video(6, 4, kRgb8, 5, 9);
  write_frames(source, dir, dcvc_name);
  RawVideoFormat rate;
  rate.fps = {25, 1};
  const Video video = read_video(dir.file(""), {2, 2}, rate);
  ASSERT_EQ(video.frame_count(), 2);
  EXPECT_EQ(video.info.fps.value(), 25.0);
  expect_same_samples(video, source, 2);
  EXPECT_EQ(read_video(dir.file(""), {3, -1}).frame_count(), 2);
  EXPECT_THAT(input_error_of([&] { read_video(dir.file(""), {4, 3}); }).found(), HasSubstr("only 5 frames"));
}

// 16-bit PNGs (rgb48) stay 16-bit, every sample exact.
TEST(ImageSequence, SixteenBitPngsStaySixteenBit) {
  testing::ScratchDir dir;
  const Video source = testing::random_video(7, 5, kRgb16, 2, 11);
  write_frames(source, dir, dcvc_name, 16);
  const Video video = read_video(dir.file(""));
  EXPECT_EQ(video.info.format, kRgb16);
  expect_same_samples(video, source, 0);
}

TEST(ImageSequence, GapNamesTheFileAfterIt) {
  testing::ScratchDir dir;
  const Video source = testing::random_video(4, 4, kRgb8, 4, 1);
  write_frames(source, dir, dcvc_name);
  std::filesystem::remove(dir.file("im00003.png"));
  const InputError error = input_error_of([&] { input_files(dir.file("")); });
  EXPECT_EQ(error.where(), dir.file("im00004.png"));
  EXPECT_THAT(error.expected(), HasSubstr("frame number 3 after im00002.png"));
}

TEST(ImageSequence, MixedSizeNamesTheFile) {
  testing::ScratchDir dir;
  write_frames(testing::random_video(4, 4, kRgb8, 2, 1), dir, dcvc_name);
  write_png(dir.file("im00003.png"), testing::random_video(5, 4, kRgb8, 1, 2).frames[0], {});
  const InputError error = input_error_of([&] { read_video(dir.file("")); });
  EXPECT_EQ(error.where(), dir.file("im00003.png"));
  EXPECT_THAT(error.expected(), HasSubstr("4x4 like"));
  EXPECT_EQ(error.found(), "5x4");
}

TEST(ImageSequence, MixedDepthNamesTheFile) {
  testing::ScratchDir dir;
  write_frames(testing::random_video(4, 4, kRgb8, 2, 1), dir, dcvc_name);
  write_png(dir.file("im00003.png"), testing::random_video(4, 4, kRgb16, 1, 2).frames[0], {}, 16);
  const InputError error = input_error_of([&] { read_video(dir.file("")); });
  EXPECT_EQ(error.where(), dir.file("im00003.png"));
  EXPECT_EQ(error.found(), "RGB 444 16-bit");
}

TEST(ImageSequence, BadNamesAreInputErrors) {
  testing::ScratchDir dir;
  const Frame frame = testing::random_video(4, 4, kRgb8, 1, 1).frames[0];
  write_png(dir.file("im1.png"), frame, {});
  write_png(dir.file("im01.png"), frame, {});
  const InputError twice = input_error_of([&] { input_files(dir.file("")); });
  EXPECT_EQ(twice.expected(), "one file per frame number");
  EXPECT_THAT(twice.found(), HasSubstr("both number 1"));

  std::filesystem::remove(dir.file("im01.png"));
  write_png(dir.file("frame2.png"), frame, {});
  const InputError prefixes = input_error_of([&] { input_files(dir.file("")); });
  EXPECT_THAT(prefixes.expected(), HasSubstr("one name prefix"));

  std::filesystem::remove(dir.file("frame2.png"));
  write_png(dir.file("cover.png"), frame, {});
  EXPECT_EQ(input_error_of([&] { input_files(dir.file("")); }).where(), dir.file("cover.png"));

  EXPECT_THAT(input_error_of([&] { input_files(dir.file("x_%5d.png")); }).expected(), HasSubstr("%0Nd"));
  EXPECT_THAT(input_error_of([&] { input_files(dir.file("x_%d_%d.png")); }).expected(), HasSubstr("one %d"));
  EXPECT_EQ(input_error_of([&] { input_files(dir.file("none_%03d.png")); }).found(), "no such file");
  testing::ScratchDir empty;
  EXPECT_EQ(input_error_of([&] { read_video(empty.file("")); }).found(), "no such file");
}

}  // namespace
}  // namespace tgvc
