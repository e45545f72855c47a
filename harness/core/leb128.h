// Unsigned LEB128 (7 bits a byte, least significant group first, the high bit set on every byte
// but the last): the small counts and sizes of the project's own bitstream formats.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "harness/core/error.h"

namespace tgvc {

inline void append_leb128(std::vector<uint8_t>* out, uint32_t value) {
  while (value >= 0x80) {
    out->push_back(static_cast<uint8_t>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<uint8_t>(value));
}

// One value in its shortest form, of at most max_bytes (1..5) bytes, each from next_byte() (which
// throws where the data ends). InputError(field, ...) for a longer encoding or a redundant one (a
// zero last byte).
template <typename NextByte>
uint64_t read_leb128(NextByte&& next_byte, int max_bytes, const std::string& field) {
  uint64_t value = 0;
  for (int i = 0; i < max_bytes; ++i) {
    const uint32_t byte = next_byte();
    value |= static_cast<uint64_t>(byte & 0x7F) << (7 * i);
    if ((byte & 0x80) == 0) {
      if (i > 0 && byte == 0)
        throw InputError(field, "a number without redundant bytes", "a trailing zero byte");
      return value;
    }
  }
  throw InputError(field, "a number of at most " + std::to_string(max_bytes) + " bytes", "more");
}

}  // namespace tgvc
