// Binary arithmetic encoder: a 32-bit range coder with carry propagation (the LZMA scheme) over
// adaptive 16-bit probabilities, plus equiprobable "bypass" bits. docs/bitstream.md specifies
// the exact integer arithmetic; ArithmeticDecoder is its inverse.
#pragma once

#include <cstdint>
#include <vector>

#include "codecs/tgvc/bitstream/adaptive_bit.h"

namespace tgvc {

class ArithmeticEncoder {
 public:
  // Codes `bit` (0 or 1) with the context's probability, then adapts the context.
  void encode(int bit, AdaptiveBit& context);
  // Codes `bit` with probability 1/2 exactly (no context).
  void encode_bypass(int bit);
  // Codes the `count` low bits of `value`, most significant first, as bypass bits (count <= 32).
  void encode_bits(uint32_t value, int count);

  // Terminates the stream and returns its bytes; the encoder must not be used afterwards.
  std::vector<uint8_t> finish();

 private:
  void normalise();
  void shift_low();
  void emit(uint32_t byte);

  uint64_t low_ = 0;  // 33 bits: bit 32 is a carry into the bytes not yet emitted
  uint32_t range_ = 0xFFFFFFFFu;
  uint32_t cache_ = 0;       // the last byte that a carry could still change
  uint64_t cache_size_ = 1;  // cache plus the 0xFF bytes after it, all awaiting a carry
  bool first_byte_ = true;   // the first byte is always 0 and is not written
  std::vector<uint8_t> out_;
};

}  // namespace tgvc
