// CRC-32 as in ISO-HDLC / PNG / zlib: reflected polynomial 0xEDB88320, initial value and final
// XOR 0xFFFFFFFF. Each .tgvc chunk carries the CRC of its type and payload.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tgvc {

// Continues a CRC: crc32_update(0, a) then crc32_update(that, b) equals the CRC of a followed by b.
uint32_t crc32_update(uint32_t crc, const uint8_t* data, size_t size);

inline uint32_t crc32(const uint8_t* data, size_t size) {
  return crc32_update(0, data, size);
}

}  // namespace tgvc
