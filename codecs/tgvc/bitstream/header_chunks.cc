#include "codecs/tgvc/bitstream/header_chunks.h"

#include <cstdint>

#include "codecs/tgvc/bitstream/byte_io.h"
#include "codecs/tgvc/bitstream/stream_limits.h"
#include "codecs/tgvc/bitstream/stream_rules.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

constexpr size_t kHeadSize = 23;
constexpr size_t kHeadSizeVersion2 = 27;  // + keyframe_width, keyframe_height

uint32_t chroma_code(ChromaFormat chroma) {
  return chroma == ChromaFormat::k420 ? 0 : chroma == ChromaFormat::k422 ? 1 : 2;
}

// A u8 code in [0, count), else InputError.
uint32_t read_code(ByteReader& in, const char* field, uint32_t count, const char* meaning) {
  const uint32_t code = in.u8(field);
  if (code >= count) throw InputError(in.field(field), meaning, std::to_string(code));
  return code;
}

void expect_consumed(const ByteReader& in, const char* chunk) {
  if (in.remaining() != 0) {
    throw InputError(in.where(), std::string("the end of the ") + chunk + " payload",
                     std::to_string(in.remaining()) + " more bytes");
  }
}

// A u32 that must fit an int in [low, high].
int read_int(ByteReader& in, const char* field, int64_t low, int64_t high) {
  const uint32_t value = in.u32(field);
  if (value < low || value > high) {
    throw InputError(in.field(field),
                     "a value in [" + std::to_string(low) + ", " + std::to_string(high) + "]",
                     std::to_string(value));
  }
  return static_cast<int>(value);
}

}  // namespace

std::vector<uint8_t> head_payload(const TgvcStream& stream) {
  ByteWriter out;
  const VideoInfo& info = stream.info;
  out.u16(info.width);
  out.u16(info.height);
  out.u32(info.fps.num);
  out.u32(info.fps.den);
  out.u32(stream.frame_count);
  out.u8(info.format.bit_depth);
  out.u8(chroma_code(info.format.chroma));
  out.u8(info.format.family == ColourFamily::kYuv ? 0 : 1);
  out.u8(info.colour.matrix == Matrix::kBt601 ? 0 : 1);
  out.u8(info.colour.range == Range::kLimited ? 0 : 1);
  out.u16(quant_step_sixteenths(stream.quant_step, "quant_step"));
  const auto [width, height] = coded_keyframe_size(stream);
  out.u16(width);
  out.u16(height);
  return std::move(out.data());
}

void read_head(const Chunk& chunk, uint32_t version, TgvcStream* stream, const std::string& where) {
  const std::string at = where + ": HEAD";
  const size_t size = version >= 2 ? kHeadSizeVersion2 : kHeadSize;
  if (chunk.size != size) {
    throw InputError(at + ".length",
                     std::to_string(size) + " bytes (format version " + std::to_string(version) + ")",
                     std::to_string(chunk.size));
  }
  ByteReader in(chunk.payload, chunk.payload + chunk.size, at);
  VideoInfo& info = stream->info;
  info.width = static_cast<int>(in.u16("width"));
  info.height = static_cast<int>(in.u16("height"));
  info.fps.num = read_int(in, "fps_num", 1, INT32_MAX);
  info.fps.den = read_int(in, "fps_den", 1, INT32_MAX);
  stream->frame_count = read_int(in, "frame_count", 1, kTgvcMaxFrames);
  info.format.bit_depth = static_cast<int>(in.u8("bit_depth"));
  static const ChromaFormat chromas[] = {ChromaFormat::k420, ChromaFormat::k422, ChromaFormat::k444};
  info.format.chroma = chromas[read_code(in, "chroma", 3, "0 (4:2:0), 1 (4:2:2) or 2 (4:4:4)")];
  info.format.family =
      read_code(in, "colour_family", 2, "0 (YUV) or 1 (RGB)") ? ColourFamily::kRgb : ColourFamily::kYuv;
  info.colour.matrix =
      read_code(in, "matrix", 2, "0 (BT.601) or 1 (BT.709)") ? Matrix::kBt709 : Matrix::kBt601;
  info.colour.range = read_code(in, "range", 2, "0 (limited) or 1 (full)") ? Range::kFull : Range::kLimited;
  const uint32_t step = in.u16("quant_step");
  if (step < 1 || step > static_cast<uint32_t>(kTgvcMaxQuantStepSixteenths)) {
    throw InputError(in.field("quant_step"), "a step in [1, 1024] sixteenths of a pixel",
                     std::to_string(step));
  }
  stream->quant_step = static_cast<double>(step) / kTgvcQuantStepDenominator;
  check_video_info(info, at);
  stream->keyframe_width = info.width;
  stream->keyframe_height = info.height;
  if (version >= 2) {
    stream->keyframe_width = static_cast<int>(in.u16("keyframe_width"));
    stream->keyframe_height = static_cast<int>(in.u16("keyframe_height"));
    check_keyframe_size(stream->keyframe_width, stream->keyframe_height, info, at);
  }
}

std::vector<uint8_t> clip_payload(const TgvcStream& stream) {
  ByteWriter out;
  out.u32(static_cast<uint32_t>(stream.keyframes.size()));
  for (int index : stream.keyframes) out.u32(index);
  return std::move(out.data());
}

void read_clips(const Chunk& chunk, TgvcStream* stream, const std::string& where) {
  const std::string at = where + ": CLIP";
  ByteReader in(chunk.payload, chunk.payload + chunk.size, at);
  const int count = read_int(in, "keyframe_count", 1, stream->frame_count);
  if (chunk.size != 4 + 4 * static_cast<size_t>(count)) {
    throw InputError(at + ".length",
                     std::to_string(4 + 4 * static_cast<size_t>(count)) + " bytes for " +
                         std::to_string(count) + " keyframes",
                     std::to_string(chunk.size));
  }
  stream->keyframes.resize(count);
  for (int& index : stream->keyframes) index = read_int(in, "keyframe", 0, stream->frame_count - 1);
  check_keyframes(stream->keyframes, stream->frame_count, at);
}

std::vector<uint8_t> keyframe_payload(const TgvcStream& stream, uint64_t* tag_bytes) {
  ByteWriter out;
  out.u8(static_cast<uint32_t>(stream.keyframe_codec.size()));
  out.text(stream.keyframe_codec);
  out.u8(static_cast<uint32_t>(stream.keyframe_codec_version.size()));
  out.text(stream.keyframe_codec_version);
  out.u32(static_cast<uint32_t>(stream.keyframe_payloads.size()));
  for (const auto& payload : stream.keyframe_payloads) out.u32(static_cast<uint32_t>(payload.size()));
  *tag_bytes = out.data().size();
  for (const auto& payload : stream.keyframe_payloads) out.bytes(payload);
  return std::move(out.data());
}

void read_keyframes(const Chunk& chunk, TgvcStream* stream, const std::string& where) {
  const std::string at = where + ": KEYF";
  ByteReader in(chunk.payload, chunk.payload + chunk.size, at);
  stream->keyframe_codec = in.text(in.u8("codec_length"), "codec");
  check_codec_id(stream->keyframe_codec, at);
  stream->keyframe_codec_version = in.text(in.u8("version_length"), "version");
  check_codec_version(stream->keyframe_codec_version, at);
  const uint32_t count = in.u32("payload_count");
  check_keyframe_payload_count(count, stream->keyframes.size(), at);
  // count <= keyframes <= frame_count: the length table is bounded; read it, then check that
  // the payloads fill the rest of the chunk exactly before copying any of them.
  std::vector<uint32_t> lengths(count);
  uint64_t total = 0;
  for (uint32_t& length : lengths) {
    length = in.u32("payload_length");
    total += length;
  }
  if (total != in.remaining()) {
    throw InputError(
        at + ".payload_length",
        "lengths that add up to the " + std::to_string(in.remaining()) + " bytes left in the chunk",
        std::to_string(total));
  }
  stream->keyframe_payloads.clear();
  stream->keyframe_payloads.reserve(count);
  for (uint32_t length : lengths) {
    const uint8_t* data = in.take(length, "payload");
    stream->keyframe_payloads.emplace_back(data, data + length);
  }
  expect_consumed(in, "KEYF");
}

}  // namespace tgvc
