// Reading frame by frame (open_video) gives read_video's frames and info, reuses the caller's frame,
// and a range past the end is the same InputError, in every reader.
#include "harness/io/frame_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/io/video_reader.h"
#include "harness/io/y4m_writer.h"
#include "tests/unit/io/io_test_support.h"

namespace tgvc {
namespace {

using ::testing::HasSubstr;
using testing::input_error_of;

// Every frame open_video hands out, with the address of the first plane's samples after each.
std::vector<Frame> frames_of(FrameReader& reader, std::vector<const uint16_t*>* storage) {
  std::vector<Frame> frames;
  Frame frame;
  while (reader.next(&frame)) {
    storage->push_back(frame.planes[0].samples.data());
    frames.push_back(frame);
  }
  EXPECT_FALSE(reader.next(&frame));  // stays done
  return frames;
}

void expect_streams_like_read_video(const std::string& path, FrameRange range,
                                    const std::optional<RawVideoFormat>& raw, bool reuses_storage) {
  const Video whole = read_video(path, range, raw);
  const std::unique_ptr<FrameReader> reader = open_video(path, range, raw);
  EXPECT_EQ(reader->path(), path);
  EXPECT_EQ(reader->info().width, whole.info.width);
  EXPECT_EQ(reader->info().height, whole.info.height);
  EXPECT_EQ(reader->info().format, whole.info.format);
  EXPECT_EQ(reader->info().colour.matrix, whole.info.colour.matrix);
  EXPECT_EQ(reader->info().fps.value(), whole.info.fps.value());
  std::vector<const uint16_t*> storage;
  const std::vector<Frame> frames = frames_of(*reader, &storage);
  ASSERT_EQ(frames.size(), whole.frames.size()) << path;
  for (size_t f = 0; f < frames.size(); ++f) {
    for (int p = 0; p < 3; ++p) EXPECT_EQ(frames[f].planes[p].samples, whole.frames[f].planes[p].samples);
  }
  if (reuses_storage) {
    for (const uint16_t* s : storage) EXPECT_EQ(s, storage.front()) << path << ": a new allocation per frame";
  }
}

TEST(FrameReader, Y4mRawAndFfmpegStreamTheFramesReadVideoReads) {
  testing::ScratchDir dir;
  const PixelFormat format{ChromaFormat::k420, 8, ColourFamily::kYuv};
  const Video video = testing::random_video(17, 9, format, 6, 11);
  write_y4m(dir.file("v.y4m"), video);
  testing::write_bytes(dir.file("v.yuv"), testing::stored_bytes(video, 0, 6));
  testing::run_ffmpeg({"-i", dir.file("v.y4m"), "-c:v", "ffv1", dir.file("v.mkv")});
  const RawVideoFormat raw{17, 9, format, {25, 1}, {}};
  for (const FrameRange range : {FrameRange{}, FrameRange{2, 3}, FrameRange{5, -1}}) {
    expect_streams_like_read_video(dir.file("v.y4m"), range, std::nullopt, true);
    expect_streams_like_read_video(dir.file("v.yuv"), range, raw, true);
    expect_streams_like_read_video(dir.file("v.mkv"), range, std::nullopt, false);
  }
}

TEST(FrameReader, ARangePastTheEndThrowsNamingTheFile) {
  testing::ScratchDir dir;
  const Video video = testing::random_video(16, 8, {ChromaFormat::k420, 8, ColourFamily::kYuv}, 4, 5);
  write_y4m(dir.file("r.y4m"), video);
  testing::run_ffmpeg({"-i", dir.file("r.y4m"), "-c:v", "ffv1", dir.file("r.mkv")});
  for (const std::string name : {"r.y4m", "r.mkv"}) {
    const std::string path = dir.file(name);
    // Frames 2..5 of 4: two frames come, then the error that read_video gives.
    const InputError expected = input_error_of([&] { read_video(path, {2, 4}); });
    const InputError error = input_error_of([&] {
      const std::unique_ptr<FrameReader> reader = open_video(path, {2, 4});
      Frame frame;
      int read = 0;
      while (reader->next(&frame)) ++read;
      EXPECT_EQ(read, 2);
    });
    EXPECT_EQ(error.where(), expected.where());
    EXPECT_EQ(error.found(), expected.found());
    EXPECT_THAT(error.where(), HasSubstr(path));
    EXPECT_THAT(error.found(), HasSubstr("only 4 frames"));
    EXPECT_THAT(input_error_of([&] {
                  const std::unique_ptr<FrameReader> reader = open_video(path, {4, 1});
                  Frame frame;
                  reader->next(&frame);
                }).found(),
                HasSubstr("4 frames in the file"));
  }
}

}  // namespace
}  // namespace tgvc
