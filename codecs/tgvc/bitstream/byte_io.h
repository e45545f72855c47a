// Little-endian fixed-width fields for the .tgvc container: a writer that appends and a reader
// that never reads past its end (every read is checked and names the field it was reading).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tgvc {

class ByteWriter {
 public:
  void u8(uint32_t value) { bytes_.push_back(static_cast<uint8_t>(value)); }
  void u16(uint32_t value);
  void u32(uint32_t value);
  void bytes(const uint8_t* data, size_t size) { bytes_.insert(bytes_.end(), data, data + size); }
  void bytes(const std::vector<uint8_t>& data) { bytes(data.data(), data.size()); }
  void text(const std::string& s) { bytes(reinterpret_cast<const uint8_t*>(s.data()), s.size()); }

  const std::vector<uint8_t>& data() const { return bytes_; }
  std::vector<uint8_t>& data() { return bytes_; }

 private:
  std::vector<uint8_t> bytes_;
};

// Reads [begin, end) of a buffer. `where` prefixes every error (file and chunk).
class ByteReader {
 public:
  ByteReader(const uint8_t* begin, const uint8_t* end, std::string where);

  // Each throws InputError(where + "." + field, ...) when fewer bytes remain than it needs.
  uint32_t u8(const char* field);
  uint32_t u16(const char* field);
  uint32_t u32(const char* field);
  // A view of the next `size` bytes; advances past them.
  const uint8_t* take(size_t size, const char* field);
  std::string text(size_t size, const char* field);

  size_t remaining() const { return static_cast<size_t>(end_ - pos_); }
  const std::string& where() const { return where_; }
  std::string field(const char* name) const { return where_ + "." + name; }

 private:
  const uint8_t* pos_;
  const uint8_t* end_;
  std::string where_;
};

}  // namespace tgvc
