#include "codecs/tgvc/bitstream/byte_io.h"

#include <utility>

#include "harness/core/error.h"

namespace tgvc {

void ByteWriter::u16(uint32_t value) {
  u8(value & 0xFF);
  u8((value >> 8) & 0xFF);
}

void ByteWriter::u32(uint32_t value) {
  u16(value & 0xFFFF);
  u16(value >> 16);
}

ByteReader::ByteReader(const uint8_t* begin, const uint8_t* end, std::string where)
    : pos_(begin), end_(end), where_(std::move(where)) {}

const uint8_t* ByteReader::take(size_t size, const char* name) {
  if (size > remaining()) {
    throw InputError(field(name), std::to_string(size) + " more bytes",
                     "the end of the data after " + std::to_string(remaining()));
  }
  const uint8_t* start = pos_;
  pos_ += size;
  return start;
}

uint32_t ByteReader::u8(const char* name) {
  return *take(1, name);
}

uint32_t ByteReader::u16(const char* name) {
  const uint8_t* p = take(2, name);
  return p[0] | (uint32_t{p[1]} << 8);
}

uint32_t ByteReader::u32(const char* name) {
  const uint8_t* p = take(4, name);
  return p[0] | (uint32_t{p[1]} << 8) | (uint32_t{p[2]} << 16) | (uint32_t{p[3]} << 24);
}

std::string ByteReader::text(size_t size, const char* name) {
  const uint8_t* p = take(size, name);
  return std::string(reinterpret_cast<const char*>(p), size);
}

}  // namespace tgvc
