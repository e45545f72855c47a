// BGND of format version 3 (docs/bitstream.md, 2.7): one mode byte per clip, a camera path after
// mode 2; version 2's flag bits still read.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "harness/core/error.h"
#include "tests/unit/bitstream/sample_stream.h"

namespace tgvc {
namespace {

using testing_tracks::join_chunks;
using testing_tracks::ParsedChunk;
using testing_tracks::sample_stream;
using testing_tracks::split_chunks;

constexpr int kBgnd = 3;  // HEAD CLIP KEYF BGND TRAJ TRAJ END

// sample_stream's clips are frames 0..5 and 5..12; clip 1 (last 7) follows a two-knot path.
TgvcStream stream_with_path() {
  TgvcStream s = sample_stream();
  s.clips[0].background = BackgroundMode::kCamera;
  s.clips[1].background = BackgroundMode::kCameraPath;
  s.clips[1].camera_path = {{2, {0, -1, 63, -64, 64, 0}}, {6, {-8200, 0, 0, 0, 0, 0}}};
  return s;
}

std::string read_error(const std::vector<ParsedChunk>& chunks, uint8_t version = 3) {
  try {
    read_tgvc(join_chunks(chunks, version), "forged.tgvc");
    return "";
  } catch (const InputError& e) {
    return e.what();
  }
}

TEST(BackgroundChunk, VersionThreeLayout) {
  TgvcSizes sizes;
  const std::vector<ParsedChunk> chunks = split_chunks(write_tgvc(stream_with_path(), &sizes));
  ASSERT_EQ(chunks[kBgnd].type, "BGND");
  // Mode 1; mode 2, 2 knots; knot 1: step 2, zigzag varints 0 1 126 127 128 (2 bytes) 0;
  // knot 2: step 4, -8200 -> 16399 = 0x8f 0x80 0x01, then five zeros.
  const std::vector<uint8_t> expected = {1, 2, 2,    2,    0, 1, 126, 127, 0x80, 0x01,
                                         0, 4, 0x8f, 0x80, 1, 0, 0,   0,   0,    0};
  EXPECT_EQ(chunks[kBgnd].payload, expected);
  EXPECT_EQ(sizes.camera_path_bytes, expected.size() - 2);  // all but the two mode bytes
  const TgvcStream read = read_tgvc(join_chunks(chunks), "path.tgvc");
  EXPECT_EQ(read.clips[0].background, BackgroundMode::kCamera);
  EXPECT_TRUE(read.clips[0].camera_path.empty());
  EXPECT_EQ(read.clips[1].background, BackgroundMode::kCameraPath);
  EXPECT_EQ(read.clips[1].camera_path, stream_with_path().clips[1].camera_path);
}

// Mode 3 (the camera and the keyframes' own motion) is one byte with nothing after it.
TEST(BackgroundChunk, CameraAndMotionIsAModeByteAlone) {
  TgvcStream s = sample_stream();
  s.clips[0].background = BackgroundMode::kCameraMotion;
  TgvcSizes sizes;
  const std::vector<ParsedChunk> chunks = split_chunks(write_tgvc(s, &sizes));
  EXPECT_EQ(chunks[kBgnd].payload, (std::vector<uint8_t>{3, 0}));
  EXPECT_EQ(sizes.camera_path_bytes, 0u);
  const TgvcStream read = read_tgvc(join_chunks(chunks), "motion.tgvc");
  EXPECT_EQ(read.clips[0].background, BackgroundMode::kCameraMotion);
  EXPECT_EQ(read.clips[1].background, BackgroundMode::kBlend);
  s.clips[0].camera_path = {{2, {1, 0, 0, 0, 0, 0}}};  // knots belong to mode 2 only
  EXPECT_THROW(write_tgvc(s), InputError);
}

// Version 2's BGND is one flag bit per clip: 1 reads as the straight-line camera.
TEST(BackgroundChunk, VersionTwoFlagsReadAsModes) {
  TgvcStream s = sample_stream();
  std::vector<ParsedChunk> chunks = split_chunks(write_tgvc(s));
  chunks[kBgnd].payload = {2};
  const TgvcStream read = read_tgvc(join_chunks(chunks, 2), "v2.tgvc");
  EXPECT_EQ(read.clips[0].background, BackgroundMode::kBlend);
  EXPECT_EQ(read.clips[1].background, BackgroundMode::kCamera);
  // A version 3 mode byte per clip is the wrong length in version 2.
  chunks[kBgnd].payload = {0, 1};
  EXPECT_NE(read_error(chunks, 2).find("BGND.length"), std::string::npos);
}

TEST(BackgroundChunk, ForgedPathsNameTheField) {
  const std::vector<ParsedChunk> good = split_chunks(write_tgvc(stream_with_path()));
  ASSERT_EQ(read_error(good), "");
  struct Case {
    const char* field;
    std::vector<uint8_t> payload;
  };
  const std::vector<Case> cases = {
      {"BGND.mode", {4, 0}},                                // unknown
      {"BGND.mode", {1, 7}},                                // unknown
      {"BGND.knot_count", {0, 2, 0}},                       // a path without knots
      {"BGND.knot_count", {0, 2, 7, 1, 0, 0, 0, 0, 0, 0}},  // more knots than in-between frames
      {"BGND.knot_frame", {0, 2, 1, 0, 0, 0, 0, 0, 0, 0}},  // step 0
      {"BGND.knot_frame", {0, 2, 1, 7, 0, 0, 0, 0, 0, 0}},  // frame 7 is keyframe B
      {"BGND.knot_frame", {0, 2, 2, 4, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0}},  // 4 + 3 = 7
      {"BGND.knot_frame", {0, 2, 1, 0x83, 0x00, 0, 0, 0, 0, 0, 0}},              // not the shortest form
      {"BGND.knot_eighths", {0, 2, 1, 1, 0x80, 0x80, 0x80, 0x80, 0x01, 0, 0, 0, 0, 0}},  // 5 bytes
      {"BGND.knot_eighths", {0, 2, 1, 1, 0x81, 0x80, 0x80, 0x01, 0, 0, 0, 0, 0}},        // 2^21 + 1 > 2^21
      {"BGND.knot_eighths", {0, 2, 1, 1, 0, 0, 0}},                                      // truncated
      {"BGND.length", {0, 2, 1, 1, 0, 0, 0, 0, 0, 0, 9}},  // a byte after the last clip
  };
  for (const Case& c : cases) {
    std::vector<ParsedChunk> chunks = good;
    chunks[kBgnd].payload = c.payload;
    const std::string error = read_error(chunks);
    EXPECT_NE(error.find("forged.tgvc: BGND"), std::string::npos) << c.field << ": " << error;
    EXPECT_NE(error.find(c.field), std::string::npos) << c.field << ": " << error;
  }
  // Every truncation of the payload is an error.
  for (size_t size = 0; size < good[kBgnd].payload.size(); ++size) {
    std::vector<ParsedChunk> chunks = good;
    chunks[kBgnd].payload.resize(size);
    EXPECT_NE(read_error(chunks).find("BGND"), std::string::npos) << size;
  }
}

TEST(BackgroundChunk, WriterRejectsPathsOutsideTheFormat) {
  struct Case {
    const char* field;
    void (*edit)(TgvcStream&);
  };
  const Case cases[] = {
      {"clips[0].camera_path",
       [](TgvcStream& s) {
         s.clips[0].camera_path = {{1, {}}};
       }},  // mode 1
      {"clips[1].camera_path", [](TgvcStream& s) { s.clips[1].camera_path.clear(); }},
      {"clips[1].camera_path[0].frame", [](TgvcStream& s) { s.clips[1].camera_path[0].frame = 0; }},
      {"clips[1].camera_path[1].frame", [](TgvcStream& s) { s.clips[1].camera_path[1].frame = 7; }},
      {"clips[1].camera_path[1].frame", [](TgvcStream& s) { s.clips[1].camera_path[1].frame = 2; }},
      {"clips[1].camera_path[0].eighths",
       [](TgvcStream& s) { s.clips[1].camera_path[0].eighths[3] = (1 << 20) + 1; }},
      {"clips[0].background", [](TgvcStream& s) { s.clips[0].background = static_cast<BackgroundMode>(4); }},
      {"clips[1].camera_path", [](TgvcStream& s) { s.clips[1].camera_path.assign(65, CameraPathKnot{}); }},
  };
  for (const Case& c : cases) {
    TgvcStream s = stream_with_path();
    c.edit(s);
    try {
      write_tgvc(s);
      ADD_FAILURE() << c.field << " accepted";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(c.field), std::string::npos) << c.field << ": " << e.what();
    }
  }
}

}  // namespace
}  // namespace tgvc
