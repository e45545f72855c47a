// SHA-256 (FIPS 180-4) for config hashes, cache keys and model-file checks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tgvc {

class Sha256 {
 public:
  Sha256();
  void update(const void* data, size_t size);
  void update(std::string_view text) { update(text.data(), text.size()); }
  // Lower-case hex digest; the object must not be updated afterwards.
  std::string hex_digest();

 private:
  void compress(const uint8_t* block);

  uint32_t state_[8];
  uint8_t buffer_[64];
  size_t buffered_ = 0;
  uint64_t total_bytes_ = 0;
};

std::string sha256_hex(std::string_view text);
// Throws InputError when the file cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace tgvc
