#include "codecs/tgvc/bitstream/arithmetic_encoder.h"

#include <cassert>

namespace tgvc {
namespace {

constexpr uint32_t kTop = 1u << 24;  // renormalise when the range falls below this
constexpr int kMaxTrimmedBytes = 4;  // a decoder reads at most this many zeros past the end

}  // namespace

void ArithmeticEncoder::encode(int bit, AdaptiveBit& context) {
  const uint32_t bound = (range_ >> 16) * context.p0();
  if (bit == 0) {
    range_ = bound;
  } else {
    low_ += bound;
    range_ -= bound;
  }
  context.update(bit);
  normalise();
}

void ArithmeticEncoder::encode_bypass(int bit) {
  range_ >>= 1;
  if (bit != 0) low_ += range_;
  normalise();
}

void ArithmeticEncoder::encode_bits(uint32_t value, int count) {
  assert(count >= 0 && count <= 32);
  for (int i = count - 1; i >= 0; --i) encode_bypass((value >> i) & 1);
}

void ArithmeticEncoder::normalise() {
  while (range_ < kTop) {
    range_ <<= 8;
    shift_low();
  }
}

void ArithmeticEncoder::emit(uint32_t byte) {
  if (first_byte_) {
    // The coded value is a fraction below 1: its integer byte can neither be set nor carried into.
    assert(byte == 0);
    first_byte_ = false;
    return;
  }
  out_.push_back(static_cast<uint8_t>(byte));
}

void ArithmeticEncoder::shift_low() {
  if (static_cast<uint32_t>(low_) < 0xFF000000u || (low_ >> 32) != 0) {
    const uint32_t carry = static_cast<uint32_t>(low_ >> 32);
    uint32_t byte = cache_;
    do {
      emit((byte + carry) & 0xFF);
      byte = 0xFF;
    } while (--cache_size_ != 0);
    cache_ = static_cast<uint32_t>(low_ >> 24) & 0xFF;
  }
  ++cache_size_;
  low_ = (low_ & 0x00FFFFFFu) << 8;
}

std::vector<uint8_t> ArithmeticEncoder::finish() {
  // Any value in [low, low + range) decodes the same symbols: take the one with the most
  // trailing zero bits, so that its final bytes are zeros a decoder supplies by itself.
  const uint64_t last = low_ + range_ - 1;
  for (int bits = 32; bits >= 0; --bits) {
    const uint64_t mask = (uint64_t{1} << bits) - 1;
    const uint64_t value = (low_ + mask) & ~mask;
    if (value <= last) {
      low_ = value;
      break;
    }
  }
  for (int i = 0; i < 5; ++i) shift_low();
  for (int i = 0; i < kMaxTrimmedBytes && !out_.empty() && out_.back() == 0; ++i) out_.pop_back();
  return std::move(out_);
}

}  // namespace tgvc
