#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "harness/core/error.h"
#include "harness/core/sha256.h"
#include "tests/unit/bitstream/sample_stream.h"

namespace tgvc {
namespace {

using testing_tracks::join_chunks;
using testing_tracks::ParsedChunk;
using testing_tracks::sample_stream;
using testing_tracks::split_chunks;

void expect_same_header(const TgvcStream& a, const TgvcStream& b) {
  EXPECT_EQ(a.info.width, b.info.width);
  EXPECT_EQ(a.info.height, b.info.height);
  EXPECT_EQ(a.info.format, b.info.format);
  EXPECT_EQ(a.info.fps.num, b.info.fps.num);
  EXPECT_EQ(a.info.fps.den, b.info.fps.den);
  EXPECT_EQ(a.info.colour.matrix, b.info.colour.matrix);
  EXPECT_EQ(a.info.colour.range, b.info.colour.range);
  EXPECT_EQ(a.frame_count, b.frame_count);
  EXPECT_EQ(a.quant_step, b.quant_step);
  EXPECT_EQ(a.keyframes, b.keyframes);
  EXPECT_EQ(a.keyframe_codec, b.keyframe_codec);
  EXPECT_EQ(a.keyframe_codec_version, b.keyframe_codec_version);
  EXPECT_EQ(a.keyframe_payloads, b.keyframe_payloads);
}

TEST(TgvcContainer, RoundTrip) {
  TgvcStream stream = sample_stream();
  stream.clips[0].background = BackgroundMode::kCamera;
  stream.clips[1].background = BackgroundMode::kCameraPath;
  stream.clips[1].camera_path = {{2, {1, -2, 300, 0, -70000, 5}}, {4, {0, 0, 0, 0, 0, 1}}};
  stream.info.format = {ChromaFormat::k422, 10, ColourFamily::kYuv};
  stream.info.colour = {Matrix::kBt601, Range::kFull};
  stream.info.fps = {30000, 1001};
  for (double step : {8.0, 0.5}) {
    stream.quant_step = step;
    TgvcSizes sizes;
    const std::vector<uint8_t> bytes = write_tgvc(stream, &sizes);
    TgvcSizes read_sizes;
    const TgvcStream read = read_tgvc(bytes, "mem.tgvc", &read_sizes);
    expect_same_header(read, stream);
    ASSERT_EQ(read.clips.size(), stream.clips.size());
    for (size_t c = 0; c < stream.clips.size(); ++c) {
      EXPECT_EQ(read.clips[c], quantise(stream.clips[c], step, 64, 48)) << "clip " << c;
    }
    EXPECT_EQ(sizes.header_bytes + sizes.keyframe_bytes + sizes.trajectory_bytes + sizes.camera_path_bytes,
              bytes.size());
    // Knot count 1, then per knot the frame step and six zigzag varints: 1 + (1 + 1 + 1 + 2 + 1 + 3 + 1)
    // + (1 + 5 + 1).
    EXPECT_EQ(sizes.camera_path_bytes, 18u);
    EXPECT_EQ(sizes.keyframe_bytes, 9u);
    ASSERT_EQ(sizes.clip_trajectory_bytes.size(), stream.clips.size());
    EXPECT_EQ(
        std::accumulate(sizes.clip_trajectory_bytes.begin(), sizes.clip_trajectory_bytes.end(), uint64_t{0}),
        sizes.trajectory_bytes);
    // The reader finds the sizes the writer reported.
    EXPECT_EQ(read_sizes.header_bytes, sizes.header_bytes);
    EXPECT_EQ(read_sizes.keyframe_bytes, sizes.keyframe_bytes);
    EXPECT_EQ(read_sizes.camera_path_bytes, sizes.camera_path_bytes);
    EXPECT_EQ(read_sizes.clip_trajectory_bytes, sizes.clip_trajectory_bytes);
    // Writing what was read gives the same file: the trajectories are already on the grid.
    EXPECT_EQ(write_tgvc(read), bytes);
  }
}

// Byte layout of docs/bitstream.md: magic, version, then HEAD with its 27-byte payload.
TEST(TgvcContainer, LayoutFollowsTheSpec) {
  TgvcStream stream = sample_stream();
  TgvcSizes sizes;
  const std::vector<uint8_t> bytes = write_tgvc(stream, &sizes);
  const std::vector<uint8_t> head = {
      'T', 'G', 'V', 'C', 3,  0,        // magic, version 3
      'H', 'E', 'A', 'D', 27, 0, 0, 0,  // type, length
      64,  0,   48,  0,                 // width, height
      25,  0,   0,   0,   1,  0, 0, 0,  // fps 25/1
      13,  0,   0,   0,                 // frames
      8,   0,   0,   1,   0,            // 8-bit, 4:2:0, YUV, BT.709, limited
      128, 0,                           // step 8 = 128/16
      64,  0,   48,  0,                 // keyframes coded at the video's size
  };
  ASSERT_GT(bytes.size(), head.size());
  EXPECT_EQ(std::vector<uint8_t>(bytes.begin(), bytes.begin() + head.size()), head);
  const std::vector<ParsedChunk> chunks = split_chunks(bytes);
  ASSERT_EQ(chunks.size(), 7u);
  EXPECT_EQ(chunks[1].type, "CLIP");
  EXPECT_EQ(chunks[1].payload, std::vector<uint8_t>({3, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 12, 0, 0, 0}));
  EXPECT_EQ(chunks[2].type, "KEYF");
  const std::vector<uint8_t> keyf = {4,   'x', '2', '6', '5', 12, '1', ' ', '(', 'x', '2', '6', '5', ' ', '3',
                                     '.', '5', ')', 3,   0,   0,  0,   5,   0,   0,   0,   3,   0,   0,   0,
                                     1,   0,   0,   0,   1,   2,  3,   4,   5,   6,   7,   8,   9};
  EXPECT_EQ(chunks[2].payload, keyf);
  // BGND: one mode byte per clip.
  EXPECT_EQ(chunks[3].type, "BGND");
  EXPECT_EQ(chunks[3].payload, std::vector<uint8_t>({0, 0}));
  EXPECT_EQ(chunks[4].type, "TRAJ");
  EXPECT_EQ(chunks[5].type, "TRAJ");
  EXPECT_EQ(chunks[6].type, "END ");
  EXPECT_TRUE(chunks[6].payload.empty());
  // Header: magic and version, seven chunk frames, HEAD, CLIP, KEYF's tag and length table, BGND's modes.
  EXPECT_EQ(sizes.header_bytes, 6u + 7 * 12 + 27 + 16 + (keyf.size() - 9) + 2);
  EXPECT_EQ(sizes.camera_path_bytes, 0u);
  EXPECT_EQ(sizes.trajectory_bytes, chunks[4].payload.size() + chunks[5].payload.size());
  stream.clips[1].background = BackgroundMode::kCamera;
  EXPECT_EQ(split_chunks(write_tgvc(stream))[3].payload, std::vector<uint8_t>({0, 1}));
  // Every chunk's CRC is the one an independent framing computes.
  EXPECT_EQ(join_chunks(chunks), bytes);
}

// A version 1 file (a 23-byte HEAD, no BGND chunk) still reads: keyframes at the video's size,
// every clip without the camera-aware background.
TEST(TgvcContainer, VersionOneFilesReadWithoutBackgroundFlags) {
  TgvcStream stream = sample_stream();
  stream.clips[0].background = BackgroundMode::kCamera;
  std::vector<ParsedChunk> chunks = split_chunks(write_tgvc(stream));
  ASSERT_EQ(chunks[3].type, "BGND");
  chunks.erase(chunks.begin() + 3);
  std::vector<ParsedChunk> v1_chunks = chunks;
  v1_chunks[0].payload.resize(23);
  const TgvcStream read = read_tgvc(join_chunks(v1_chunks, 1), "v1.tgvc");
  EXPECT_EQ(coded_keyframe_size(read), std::make_pair(64, 48));
  ASSERT_EQ(read.clips.size(), 2u);
  EXPECT_EQ(read.clips[0].background, BackgroundMode::kBlend);
  EXPECT_EQ(read.clips[1].background, BackgroundMode::kBlend);
  EXPECT_EQ(read.clips[1].tracks.size(), stream.clips[1].tracks.size());
  // The same file as version 2 lacks its BGND chunk.
  try {
    read_tgvc(join_chunks(chunks, 2), "v2.tgvc");
    ADD_FAILURE() << "a version 2 file without BGND was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("BGND"), std::string::npos) << e.what();
  }
}

// The example of docs/bitstream.md, section 11, byte for byte (its CRCs computed with zlib).
TEST(TgvcContainer, SpecExample) {
  TgvcStream s;
  s.info.width = 64;
  s.info.height = 32;
  s.info.fps = {25, 1};
  s.frame_count = 4;
  s.quant_step = 8;
  s.keyframes = {0, 3};
  s.keyframe_codec = "x265";
  s.keyframe_codec_version = "1";
  s.keyframe_payloads = {{0xaa}, {0xbb, 0xcc}};
  ClipTrajectories clip;
  clip.frames = 4;
  clip.tracks.push_back(CodedTrack{{10, 18, 26, 34}, {5, 5, 6, 14}, {1, 1, 1, 1}});
  clip.tracks.push_back(CodedTrack{{0, 0, 60, 63}, {0, 0, 30, 31}, {0, 0, 1, 1}});
  s.clips = {clip};
  const std::vector<uint8_t> expected = {
      0x54, 0x47, 0x56, 0x43, 0x03, 0x00, 0x48, 0x45, 0x41, 0x44, 0x1b, 0x00, 0x00, 0x00, 0x40, 0x00, 0x20,
      0x00, 0x19, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x01,
      0x00, 0x80, 0x00, 0x40, 0x00, 0x20, 0x00, 0x8c, 0xb9, 0xf0, 0x09, 0x43, 0x4c, 0x49, 0x50, 0x0c, 0x00,
      0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x75, 0xd5, 0xe8,
      0x7c, 0x4b, 0x45, 0x59, 0x46, 0x16, 0x00, 0x00, 0x00, 0x04, 0x78, 0x32, 0x36, 0x35, 0x01, 0x31, 0x02,
      0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0xaa, 0xbb, 0xcc, 0xc6, 0x00, 0xee,
      0xf2, 0x42, 0x47, 0x4e, 0x44, 0x01, 0x00, 0x00, 0x00, 0x00, 0x7b, 0xb6, 0xc3, 0x0c, 0x54, 0x52, 0x41,
      0x4a, 0x05, 0x00, 0x00, 0x00, 0xa2, 0x4b, 0xe8, 0x89, 0x68, 0x12, 0xff, 0x20, 0xda, 0x45, 0x4e, 0x44,
      0x20, 0x00, 0x00, 0x00, 0x00, 0x10, 0x7d, 0xf1, 0x58};
  TgvcSizes sizes;
  EXPECT_EQ(write_tgvc(s, &sizes), expected);
  EXPECT_EQ(sizes.header_bytes, 137u);
  EXPECT_EQ(sizes.keyframe_bytes, 3u);
  EXPECT_EQ(sizes.trajectory_bytes, 5u);
}

TEST(TgvcContainer, SingleFrameAndSinglePayload) {
  TgvcStream still;
  still.info.width = 16;
  still.info.height = 16;
  still.frame_count = 1;
  still.keyframes = {0};
  still.keyframe_codec = "aom";
  still.keyframe_payloads = {{42}};
  const TgvcStream read = read_tgvc(write_tgvc(still), "still");
  expect_same_header(read, still);
  EXPECT_TRUE(read.clips.empty());

  TgvcStream shared = sample_stream();
  shared.keyframe_payloads = {{1, 2, 3}};  // one payload for all keyframes
  EXPECT_EQ(read_tgvc(write_tgvc(shared), "shared").keyframe_payloads, shared.keyframe_payloads);
}

TEST(TgvcContainer, OptionalChunksAreSkippedUnknownCriticalOnesRejected) {
  const std::vector<uint8_t> bytes = write_tgvc(sample_stream());
  std::vector<ParsedChunk> chunks = split_chunks(bytes);
  std::vector<ParsedChunk> with_optional = chunks;
  with_optional.insert(with_optional.begin() + 3, ParsedChunk{"note", {'h', 'i'}});
  with_optional.insert(with_optional.begin(), ParsedChunk{"xTRA", {}});
  const TgvcStream read = read_tgvc(join_chunks(with_optional), "optional");
  expect_same_header(read, read_tgvc(bytes, "plain"));

  std::vector<ParsedChunk> with_critical = chunks;
  with_critical.insert(with_critical.begin() + 3, ParsedChunk{"NOTE", {'h', 'i'}});
  EXPECT_THROW(read_tgvc(join_chunks(with_critical), "critical"), InputError);
}

TEST(TgvcContainer, WriterRejectsInvalidStreams) {
  struct Case {
    const char* field;
    void (*edit)(TgvcStream&);
  };
  const Case cases[] = {
      {"width", [](TgvcStream& s) { s.info.width = 16385; }},
      {"height", [](TgvcStream& s) { s.info.height = 0; }},
      {"fps", [](TgvcStream& s) { s.info.fps.den = 0; }},
      {"bit_depth", [](TgvcStream& s) { s.info.format.bit_depth = 7; }},
      {"chroma", [](TgvcStream& s) { s.info.format.family = ColourFamily::kRgb; }},
      {"frame_count", [](TgvcStream& s) { s.frame_count = 1000001; }},
      {"quant_step", [](TgvcStream& s) { s.quant_step = 3.3; }},
      {"keyframes",
       [](TgvcStream& s) {
         s.keyframes = {0, 7, 5, 12};
       }},
      {"keyframes",
       [](TgvcStream& s) {
         s.keyframes = {1, 5, 12};
       }},
      {"keyframes",
       [](TgvcStream& s) {
         s.keyframes = {0, 5};
       }},
      {"keyframe_codec", [](TgvcStream& s) { s.keyframe_codec = "x 265"; }},
      {"keyframe_codec", [](TgvcStream& s) { s.keyframe_codec.clear(); }},
      {"keyframe_codec_version", [](TgvcStream& s) { s.keyframe_codec_version = std::string(256, 'v'); }},
      {"keyframe_payloads", [](TgvcStream& s) { s.keyframe_payloads.pop_back(); }},
      {"clips", [](TgvcStream& s) { s.clips.pop_back(); }},
      {"frames", [](TgvcStream& s) { s.clips[1].frames = 7; }},
      {"tracks[1]", [](TgvcStream& s) { s.clips[0].tracks[1].visible.pop_back(); }},
  };
  for (const Case& c : cases) {
    TgvcStream stream = sample_stream();
    c.edit(stream);
    try {
      write_tgvc(stream);
      ADD_FAILURE() << c.field << ": accepted";
    } catch (const InputError& e) {
      EXPECT_NE(e.where().find(c.field), std::string::npos) << c.field << " vs " << e.what();
    }
  }
}

// From format version 2 HEAD carries the coded keyframe size (27 bytes): the video's size unless the
// keyframes are coded smaller.
TEST(TgvcContainer, HeadCarriesTheCodedKeyframeSize) {
  const TgvcStream full = sample_stream();  // 64x48
  const std::vector<uint8_t> at_full_size = write_tgvc(full);
  EXPECT_EQ(at_full_size[4], 3);
  TgvcStream same = full;
  same.keyframe_width = 64;
  same.keyframe_height = 48;
  EXPECT_EQ(write_tgvc(same), at_full_size);
  const TgvcStream read_full = read_tgvc(at_full_size, "full");
  EXPECT_EQ(read_full.keyframe_width, 64);
  EXPECT_EQ(read_full.keyframe_height, 48);

  for (const auto& [width, height] : std::vector<std::pair<int, int>>{{32, 24}, {1, 1}, {64, 17}, {33, 48}}) {
    TgvcStream reduced = full;
    reduced.keyframe_width = width;
    reduced.keyframe_height = height;
    TgvcSizes sizes;
    const std::vector<uint8_t> bytes = write_tgvc(reduced, &sizes);
    EXPECT_EQ(bytes.size(), at_full_size.size());
    const std::vector<ParsedChunk> chunks = split_chunks(bytes);
    ASSERT_EQ(chunks[0].payload.size(), 27u);
    // The two u16 after the 23 bytes of version 1, little-endian.
    EXPECT_EQ(chunks[0].payload[23] | chunks[0].payload[24] << 8, width);
    EXPECT_EQ(chunks[0].payload[25] | chunks[0].payload[26] << 8, height);
    TgvcSizes read_sizes;
    const TgvcStream read = read_tgvc(bytes, "v2", &read_sizes);
    expect_same_header(read, reduced);
    EXPECT_EQ(read.keyframe_width, width);
    EXPECT_EQ(read.keyframe_height, height);
    EXPECT_EQ(coded_keyframe_size(read), std::make_pair(width, height));
    EXPECT_EQ(read_sizes.header_bytes, sizes.header_bytes);
    EXPECT_EQ(write_tgvc(read), bytes);
  }

  // The writer refuses sizes outside [1, the video's]; so does the reader (a crafted HEAD).
  for (const auto& [width, height] : std::vector<std::pair<int, int>>{{0, 24}, {32, 0}, {65, 48}, {64, 49}}) {
    TgvcStream bad = full;
    bad.keyframe_width = width;
    bad.keyframe_height = height;
    try {
      write_tgvc(bad);
      ADD_FAILURE() << width << "x" << height << ": accepted";
    } catch (const InputError& e) {
      EXPECT_NE(e.where().find("keyframe_size"), std::string::npos) << e.what();
    }
  }
  TgvcStream reduced = full;
  reduced.keyframe_width = 32;
  reduced.keyframe_height = 24;
  std::vector<ParsedChunk> chunks = split_chunks(write_tgvc(reduced));
  chunks[0].payload[23] = 65;  // keyframe_width 65 > 64
  const std::vector<uint8_t> crafted = join_chunks(chunks, 2);
  try {
    read_tgvc(crafted, "crafted.tgvc");
    ADD_FAILURE() << "keyframe width 65 accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("crafted.tgvc: HEAD.keyframe_size"), std::string::npos) << e.what();
  }
  // A version 2 HEAD in a file that says version 1 (and the reverse) has the wrong length.
  chunks = split_chunks(write_tgvc(reduced));
  chunks.erase(chunks.begin() + 3);  // BGND, which version 1 lacks
  EXPECT_THROW(read_tgvc(join_chunks(chunks, 1), "v1 with a v2 HEAD"), InputError);
  chunks[0].payload.resize(23);
  try {
    read_tgvc(join_chunks(chunks, 2), "v2 with a v1 HEAD");
    ADD_FAILURE() << "accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("27 bytes (format version 2)"), std::string::npos) << e.what();
  }
}

// A stream built with integer arithmetic only (no libm), so its bytes are the same everywhere.
TgvcStream golden_stream() {
  TgvcStream s = sample_stream(0);
  for (size_t c = 0; c < s.clips.size(); ++c) {
    for (int t = 0; t < 6; ++t) {
      CodedTrack track;
      for (int f = 0; f < s.clips[c].frames; ++f) {
        track.x.push_back(static_cast<float>(3 + 9 * t + (t + 1) * f * 0.75));
        track.y.push_back(static_cast<float>(40 - 5 * t + ((f * (t + 2)) % 7) - 0.5 * f));
        track.visible.push_back((f + t) % 5 != 4);
      }
      s.clips[c].tracks.push_back(track);
    }
  }
  s.clips[0].background = BackgroundMode::kCamera;
  s.clips[1].background = BackgroundMode::kCameraPath;
  s.clips[1].camera_path = {{3, {5, -3, 0, 129, -8, 0}}};
  return s;
}

// The bytes of a fixed stream. A change here is a change of the format: bump the version in
// docs/bitstream.md and chunk_io.h, then update the digest (TGVC_PRINT_GOLDEN=1 prints it).
TEST(TgvcContainer, GoldenBitstream) {
  const TgvcStream stream = golden_stream();
  const std::vector<uint8_t> bytes = write_tgvc(stream);
  Sha256 digest;
  digest.update(bytes.data(), bytes.size());
  const std::string hex = digest.hex_digest();
  if (std::getenv("TGVC_PRINT_GOLDEN") != nullptr)
    std::printf("golden: %zu bytes, %s\n", bytes.size(), hex.c_str());
  EXPECT_EQ(bytes.size(), 225u);
  EXPECT_EQ(hex, "faa4a84b02ef755beef7b1d175310d401a8d50515da5db042fbb8b0f19782faf");
  ASSERT_EQ(read_tgvc(bytes, "golden").clips[1], quantise(stream.clips[1], 8, 64, 48));
}

}  // namespace
}  // namespace tgvc
