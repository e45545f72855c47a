// A truncated, bit-flipped or hand-crafted .tgvc gives an InputError, never a crash, a hang or
// an unbounded allocation (run this under ASan/UBSan too).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "codecs/tgvc/bitstream/arithmetic_encoder.h"
#include "codecs/tgvc/bitstream/binarisation.h"
#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "harness/core/error.h"
#include "harness/core/lcg.h"
#include "tests/unit/bitstream/sample_stream.h"

namespace tgvc {
namespace {

using testing_tracks::join_chunks;
using testing_tracks::ParsedChunk;
using testing_tracks::sample_stream;
using testing_tracks::split_chunks;

// The error's text, or "" when the bytes parsed.
std::string parse_error(const std::vector<uint8_t>& bytes) {
  try {
    read_tgvc(bytes, "hostile.tgvc");
    return "";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("hostile.tgvc"), std::string::npos) << e.what();
    return e.what();
  }
}

void put_u32(std::vector<uint8_t>& bytes, size_t at, uint32_t value) {
  for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<uint8_t>(value >> (8 * i));
}

TEST(TgvcHostileInput, EveryTruncationIsAnError) {
  const std::vector<uint8_t> bytes = write_tgvc(sample_stream());
  ASSERT_EQ(parse_error(bytes), "");
  for (size_t size = 0; size < bytes.size(); ++size) {
    EXPECT_NE(parse_error(std::vector<uint8_t>(bytes.begin(), bytes.begin() + size)), "") << size;
  }
}

TEST(TgvcHostileInput, EverySingleBitFlipIsAnError) {
  const std::vector<uint8_t> bytes = write_tgvc(sample_stream());
  for (size_t bit = 0; bit < bytes.size() * 8; ++bit) {
    std::vector<uint8_t> flipped = bytes;
    flipped[bit / 8] ^= static_cast<uint8_t>(1 << (bit % 8));
    EXPECT_NE(parse_error(flipped), "") << "bit " << bit;
  }
}

TEST(TgvcHostileInput, RandomBitFlipsAreErrors) {
  const std::vector<uint8_t> bytes = write_tgvc(sample_stream(6));
  Lcg lcg(2024);
  for (int trial = 0; trial < 4000; ++trial) {
    std::vector<uint8_t> flipped = bytes;
    const int flips = 1 + static_cast<int>(lcg.next() % 8);
    for (int i = 0; i < flips; ++i) {
      const size_t bit = lcg.next32() % (bytes.size() * 8);
      flipped[bit / 8] ^= static_cast<uint8_t>(1 << (bit % 8));
    }
    if (flipped == bytes) continue;
    EXPECT_NE(parse_error(flipped), "") << "trial " << trial;
  }
}

TEST(TgvcHostileInput, BadMagicVersionAndFraming) {
  const std::vector<uint8_t> good = write_tgvc(sample_stream());
  std::vector<uint8_t> bytes = good;
  bytes[0] = 'P';
  EXPECT_NE(parse_error(bytes).find("magic"), std::string::npos);
  bytes = good;
  for (uint8_t version : {0, 4, 255}) {
    bytes[4] = version;
    EXPECT_NE(parse_error(bytes).find("version"), std::string::npos) << int{version};
  }
  EXPECT_NE(parse_error({}), "");
  EXPECT_NE(parse_error({'T', 'G', 'V', 'C', 1, 0}), "");  // no chunks
  bytes = good;
  bytes.push_back(0);  // after END
  EXPECT_NE(parse_error(bytes).find("after the END"), std::string::npos);
  // Lengths beyond the data, up to the largest a u32 holds (the CRC follows the payload, so the
  // length is checked first).
  for (uint32_t length : {1000u, 0x7FFFFFFFu, 0xFFFFFFF0u, 0xFFFFFFFFu}) {
    bytes = good;
    put_u32(bytes, 10, length);
    EXPECT_NE(parse_error(bytes).find("length"), std::string::npos) << length;
  }
  bytes = good;
  put_u32(bytes, 10, 24);  // within the data: the CRC no longer matches
  EXPECT_NE(parse_error(bytes).find("crc"), std::string::npos);
  bytes = good;
  bytes[6] = '#';  // a chunk type must start with a letter
  EXPECT_NE(parse_error(bytes).find("type"), std::string::npos);
}

void set_u16(std::vector<uint8_t>& bytes, size_t at, uint32_t value) {
  bytes[at] = static_cast<uint8_t>(value);
  bytes[at + 1] = static_cast<uint8_t>(value >> 8);
}

std::vector<uint8_t> coded_track_count(uint32_t count) {
  ArithmeticEncoder encoder;
  encode_exp_golomb(encoder, count, {});
  return encoder.finish();
}

// Hand-crafted files with correct CRCs: only the reader's own checks stand in the way.
TEST(TgvcHostileInput, CraftedChunksWithValidCrcs) {
  using Chunks = std::vector<ParsedChunk>;
  const Chunks good = split_chunks(write_tgvc(sample_stream()));
  ASSERT_EQ(good.size(), 7u);  // HEAD CLIP KEYF BGND TRAJ TRAJ END
  enum { kHead, kClip, kKeyf, kBgnd, kTraj0, kTraj1, kEnd };
  struct Case {
    const char* name;
    const char* message;  // a part of the error text
    void (*edit)(Chunks&);
  };
  const Case cases[] = {
      {"width 0", "width", [](Chunks& c) { set_u16(c[kHead].payload, 0, 0); }},
      {"width 16385", "width", [](Chunks& c) { set_u16(c[kHead].payload, 0, 16385); }},
      {"height 65535", "height", [](Chunks& c) { set_u16(c[kHead].payload, 2, 65535); }},
      {"fps_num 0", "fps_num", [](Chunks& c) { put_u32(c[kHead].payload, 4, 0); }},
      {"fps_den 2^31", "fps_den", [](Chunks& c) { put_u32(c[kHead].payload, 8, 0x80000000u); }},
      {"frame_count 0", "frame_count", [](Chunks& c) { put_u32(c[kHead].payload, 12, 0); }},
      {"frame_count 2^32-1", "frame_count", [](Chunks& c) { put_u32(c[kHead].payload, 12, 0xFFFFFFFFu); }},
      {"frame_count 20", "keyframes", [](Chunks& c) { put_u32(c[kHead].payload, 12, 20); }},
      {"bit_depth 7", "bit_depth", [](Chunks& c) { c[kHead].payload[16] = 7; }},
      {"bit_depth 17", "bit_depth", [](Chunks& c) { c[kHead].payload[16] = 17; }},
      {"chroma 3", "chroma", [](Chunks& c) { c[kHead].payload[17] = 3; }},
      {"family 2", "colour_family", [](Chunks& c) { c[kHead].payload[18] = 2; }},
      {"rgb 4:2:0", "chroma", [](Chunks& c) { c[kHead].payload[18] = 1; }},
      {"matrix 9", "matrix", [](Chunks& c) { c[kHead].payload[19] = 9; }},
      {"range 2", "range", [](Chunks& c) { c[kHead].payload[20] = 2; }},
      {"quant_step 0", "quant_step", [](Chunks& c) { set_u16(c[kHead].payload, 21, 0); }},
      {"quant_step 1025", "quant_step", [](Chunks& c) { set_u16(c[kHead].payload, 21, 1025); }},
      {"HEAD short", "length", [](Chunks& c) { c[kHead].payload.pop_back(); }},
      {"HEAD long", "length", [](Chunks& c) { c[kHead].payload.push_back(0); }},
      {"keyframe_count 0", "keyframe_count", [](Chunks& c) { put_u32(c[kClip].payload, 0, 0); }},
      {"keyframe_count 2^32-1", "keyframe_count",
       [](Chunks& c) { put_u32(c[kClip].payload, 0, 0xFFFFFFFFu); }},
      {"keyframe_count 4", "length", [](Chunks& c) { put_u32(c[kClip].payload, 0, 4); }},
      {"CLIP empty", "keyframe_count", [](Chunks& c) { c[kClip].payload.clear(); }},
      {"keyframes 0 5 5", "keyframes", [](Chunks& c) { put_u32(c[kClip].payload, 12, 5); }},
      {"keyframe past the end", "keyframe", [](Chunks& c) { put_u32(c[kClip].payload, 8, 99); }},
      {"first keyframe 1", "keyframes", [](Chunks& c) { put_u32(c[kClip].payload, 4, 1); }},
      {"codec length 0", "keyframe_codec", [](Chunks& c) { c[kKeyf].payload[0] = 0; }},
      {"codec length 255", "", [](Chunks& c) { c[kKeyf].payload[0] = 255; }},
      {"codec with a space", "keyframe_codec", [](Chunks& c) { c[kKeyf].payload[2] = ' '; }},
      {"version with a newline", "keyframe_codec_version", [](Chunks& c) { c[kKeyf].payload[7] = '\n'; }},
      {"payload count 0", "keyframe_payloads", [](Chunks& c) { put_u32(c[kKeyf].payload, 18, 0); }},
      {"payload count 2", "keyframe_payloads", [](Chunks& c) { put_u32(c[kKeyf].payload, 18, 2); }},
      {"payload count 2^32-1", "keyframe_payloads",
       [](Chunks& c) { put_u32(c[kKeyf].payload, 18, 0xFFFFFFFFu); }},
      {"payload length huge", "payload_length",
       [](Chunks& c) { put_u32(c[kKeyf].payload, 22, 0xFFFFFFFFu); }},
      {"payload length short", "payload_length", [](Chunks& c) { put_u32(c[kKeyf].payload, 22, 4); }},
      {"KEYF truncated", "", [](Chunks& c) { c[kKeyf].payload.resize(20); }},
      {"BGND empty", "BGND.mode", [](Chunks& c) { c[kBgnd].payload.clear(); }},
      {"BGND short", "BGND.mode", [](Chunks& c) { c[kBgnd].payload.pop_back(); }},
      {"BGND long", "BGND.length", [](Chunks& c) { c[kBgnd].payload.push_back(0); }},
      {"BGND mode 4", "BGND.mode", [](Chunks& c) { c[kBgnd].payload[0] = 4; }},
      {"BGND mode 255", "BGND.mode", [](Chunks& c) { c[kBgnd].payload[1] = 255; }},
      {"BGND path without knots", "BGND.knot_count", [](Chunks& c) { c[kBgnd].payload[1] = 2; }},
      {"BGND missing", "BGND", [](Chunks& c) { c.erase(c.begin() + kBgnd); }},
      {"BGND after TRAJ", "BGND", [](Chunks& c) { std::swap(c[kBgnd], c[kTraj0]); }},
      {"900000 tracks", "track_count", [](Chunks& c) { c[kTraj0].payload = coded_track_count(900000); }},
      {"2^20 tracks", "track_count", [](Chunks& c) { c[kTraj0].payload = coded_track_count(1 << 20); }},
      {"TRAJ trailing bytes", "TRAJ",
       [](Chunks& c) { c[kTraj0].payload.insert(c[kTraj0].payload.end(), 5, 0x77); }},
      {"TRAJ of the next clip", "TRAJ", [](Chunks& c) { std::swap(c[kTraj0], c[kTraj1]); }},
      {"TRAJ missing", "END", [](Chunks& c) { c.erase(c.begin() + kTraj1); }},
      {"TRAJ extra", "END", [](Chunks& c) { c.insert(c.begin() + kTraj1, c[kTraj1]); }},
      {"HEAD twice", "CLIP", [](Chunks& c) { c.insert(c.begin(), c[kHead]); }},
      {"CLIP first", "HEAD", [](Chunks& c) { std::swap(c[kHead], c[kClip]); }},
      {"KEYF missing", "KEYF", [](Chunks& c) { c.erase(c.begin() + kKeyf); }},
      {"END missing", "END", [](Chunks& c) { c.pop_back(); }},
      {"END with a payload", "END", [](Chunks& c) { c[kEnd].payload = {0}; }},
      {"unknown critical chunk", "unknown",
       [](Chunks& c) {
         c.insert(c.begin() + kEnd, ParsedChunk{"ZZZZ", {}});
       }},
      {"type with a dot", "type",
       [](Chunks& c) {
         c.insert(c.begin() + kEnd, ParsedChunk{"a.bc", {}});
       }},
  };
  ASSERT_EQ(parse_error(join_chunks(good)), "");
  for (const Case& c : cases) {
    Chunks chunks = good;
    c.edit(chunks);
    const std::string error = parse_error(join_chunks(chunks));
    EXPECT_NE(error, "") << c.name;
    EXPECT_NE(error.find(c.message), std::string::npos) << c.name << ": " << error;
  }
}

// TRAJ payloads of random bytes with valid CRCs: each decodes or is an InputError.
TEST(TgvcHostileInput, RandomTrajectoryPayloads) {
  std::vector<ParsedChunk> chunks = split_chunks(write_tgvc(sample_stream()));
  Lcg lcg(31);
  for (int trial = 0; trial < 2000; ++trial) {
    for (int c : {3, 4}) {
      chunks[c].payload.resize(lcg.next() % 48);
      for (uint8_t& b : chunks[c].payload) b = static_cast<uint8_t>(lcg.next());
    }
    parse_error(join_chunks(chunks));
  }
}

}  // namespace
}  // namespace tgvc
