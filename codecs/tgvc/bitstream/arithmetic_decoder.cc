#include "codecs/tgvc/bitstream/arithmetic_decoder.h"

#include <cassert>

namespace tgvc {
namespace {

constexpr uint32_t kTop = 1u << 24;

}  // namespace

ArithmeticDecoder::ArithmeticDecoder(const uint8_t* data, size_t size) : data_(data), size_(size) {
  for (int i = 0; i < 4; ++i) code_ = (code_ << 8) | next_byte();
}

uint32_t ArithmeticDecoder::next_byte() {
  const uint64_t index = consumed_++;
  return index < size_ ? data_[index] : 0;
}

void ArithmeticDecoder::normalise() {
  while (range_ < kTop) {
    range_ <<= 8;
    code_ = (code_ << 8) | next_byte();
  }
}

int ArithmeticDecoder::decode(AdaptiveBit& context) {
  const uint32_t bound = (range_ >> 16) * context.p0();
  int bit;
  if (code_ < bound) {
    range_ = bound;
    bit = 0;
  } else {
    code_ -= bound;
    range_ -= bound;
    bit = 1;
  }
  context.update(bit);
  normalise();
  return bit;
}

int ArithmeticDecoder::decode_bypass() {
  range_ >>= 1;
  int bit = 0;
  if (code_ >= range_) {
    code_ -= range_;
    bit = 1;
  }
  normalise();
  return bit;
}

uint32_t ArithmeticDecoder::decode_bits(int count) {
  assert(count >= 0 && count <= 32);
  uint32_t value = 0;
  for (int i = 0; i < count; ++i) value = (value << 1) | static_cast<uint32_t>(decode_bypass());
  return value;
}

}  // namespace tgvc
