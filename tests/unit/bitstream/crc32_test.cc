#include "codecs/tgvc/bitstream/crc32.h"

#include <gtest/gtest.h>

#include <string>

namespace tgvc {
namespace {

uint32_t crc_of(const std::string& text) {
  return crc32(reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

// The CRC-32/ISO-HDLC check value and the CRC every PNG file's IEND chunk carries.
TEST(Crc32, KnownValues) {
  EXPECT_EQ(crc_of(""), 0u);
  EXPECT_EQ(crc_of("123456789"), 0xCBF43926u);
  EXPECT_EQ(crc_of("IEND"), 0xAE426082u);
  EXPECT_EQ(crc_of("The quick brown fox jumps over the lazy dog"), 0x414FA339u);
}

TEST(Crc32, UpdateContinuesACrc) {
  const std::string text = "123456789";
  const uint8_t* bytes = reinterpret_cast<const uint8_t*>(text.data());
  for (size_t split = 0; split <= text.size(); ++split) {
    EXPECT_EQ(crc32_update(crc32(bytes, split), bytes + split, text.size() - split), 0xCBF43926u);
  }
}

}  // namespace
}  // namespace tgvc
