// Binary arithmetic decoder, the inverse of ArithmeticEncoder. It never reads outside its
// buffer: bytes past the end read as zero, and the caller asks at the end whether the stream was
// consumed exactly (finished_cleanly) or stops early when it ran far past the end (overran).
#pragma once

#include <cstddef>
#include <cstdint>

#include "codecs/tgvc/bitstream/adaptive_bit.h"

namespace tgvc {

class ArithmeticDecoder {
 public:
  // The decoder reads [data, data + size) and does not own it.
  ArithmeticDecoder(const uint8_t* data, size_t size);

  int decode(AdaptiveBit& context);
  int decode_bypass();
  // `count` bypass bits, most significant first (count <= 32).
  uint32_t decode_bits(int count);

  // Bytes consumed so far, counting the 4 the decoder starts with and the zeros past the end.
  uint64_t bytes_consumed() const { return consumed_; }
  // True once more zeros past the end were needed than any valid stream needs (4).
  bool overran() const { return consumed_ > size_ + 4; }
  // A valid stream, fully decoded, consumed between size and size + 4 bytes and left the code
  // value inside the range.
  bool finished_cleanly() const { return consumed_ >= size_ && !overran() && code_ < range_; }

 private:
  uint32_t next_byte();
  void normalise();

  const uint8_t* data_;
  size_t size_;
  uint64_t consumed_ = 0;
  uint32_t range_ = 0xFFFFFFFFu;
  uint32_t code_ = 0;
};

}  // namespace tgvc
