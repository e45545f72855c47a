#include "codecs/tgvc/bitstream/chunk_io.h"

#include <cassert>
#include <cstring>

#include "codecs/tgvc/bitstream/crc32.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

bool is_letter(uint8_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// First character a letter (its case is the optional flag), then letters, digits or spaces.
bool valid_type(const uint8_t* type) {
  if (!is_letter(type[0])) return false;
  for (int i = 1; i < 4; ++i) {
    if (!is_letter(type[i]) && !(type[i] >= '0' && type[i] <= '9') && type[i] != ' ') return false;
  }
  return true;
}

std::string hex32(uint32_t value) {
  static const char digits[] = "0123456789abcdef";
  std::string out = "0x";
  for (int shift = 28; shift >= 0; shift -= 4) out += digits[(value >> shift) & 0xF];
  return out;
}

std::string printable(const uint8_t* bytes, size_t size) {
  std::string out;
  for (size_t i = 0; i < size; ++i) {
    if (bytes[i] >= 0x20 && bytes[i] < 0x7F) {
      out += static_cast<char>(bytes[i]);
    } else {
      out += "\\x" + hex32(bytes[i]).substr(8);
    }
  }
  return out;
}

}  // namespace

void append_chunk(ByteWriter& out, const char* type, const std::vector<uint8_t>& payload) {
  assert(std::strlen(type) == 4 && payload.size() <= 0xFFFFFFFFu);
  const uint8_t* type_bytes = reinterpret_cast<const uint8_t*>(type);
  out.bytes(type_bytes, 4);
  out.u32(static_cast<uint32_t>(payload.size()));
  out.bytes(payload);
  out.u32(crc32_update(crc32(type_bytes, 4), payload.data(), payload.size()));
}

Chunk read_chunk(ByteReader& in, size_t offset, const std::string& where) {
  const std::string at = where + ": chunk at offset " + std::to_string(offset);
  if (in.remaining() < kChunkOverhead) {
    throw InputError(at, "a chunk (type, length, payload, CRC: at least 12 bytes)",
                     std::to_string(in.remaining()) + " bytes left");
  }
  const uint8_t* type = in.take(4, "type");
  if (!valid_type(type)) {
    throw InputError(at + ".type", "a chunk type (a letter, then letters, digits or spaces)",
                     "\"" + printable(type, 4) + "\"");
  }
  Chunk chunk;
  chunk.type.assign(reinterpret_cast<const char*>(type), 4);
  chunk.offset = offset;
  const std::string named = where + ": " + chunk.type + " chunk at offset " + std::to_string(offset);
  const uint32_t length = in.u32("length");
  if (length > in.remaining() - 4) {
    throw InputError(named + ".length", "at most " + std::to_string(in.remaining() - 4) + " (the bytes left)",
                     std::to_string(length));
  }
  chunk.size = length;
  chunk.payload = in.take(length, "payload");
  const uint32_t stored = in.u32("crc");
  const uint32_t computed = crc32_update(crc32(type, 4), chunk.payload, chunk.size);
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION  // fuzzers skip the CRC to reach the payload parsers
  if (stored != computed) throw InputError(named + ".crc", "CRC-32 " + hex32(computed), hex32(stored));
#else
  (void)stored;
  (void)computed;
#endif
  return chunk;
}

}  // namespace tgvc
