// The decoder half of rans_coder.h: the inverse of rans_encoder.cc, step for step, reading the
// string's 32-bit words front to back and never past its end.
#include <algorithm>
#include <limits>
#include <utility>

#include "codecs/entropy/rans_coder.h"
#include "codecs/entropy/rans_constants.h"
#include "harness/core/error.h"

namespace tgvc::entropy {

RansDecoder::RansDecoder(const uint8_t* data, size_t size, std::string where)
    : data_(data), size_(size), where_(std::move(where)) {
  if (size_ % 4 != 0 || size_ < 8) {
    throw InputError(where_, "a rANS string of whole 32-bit words, at least 8 bytes",
                     std::to_string(size_) + " bytes");
  }
  const uint64_t low = next_word();
  state_ = low | (uint64_t{next_word()} << 32);
  // The encoder keeps its state in [2^31, 2^63) and flushes it as the first two words.
  if (state_ < kRansLow || state_ >= (kRansLow << 32)) {
    throw InputError(where_, "an initial rANS state in [2^31, 2^63)", std::to_string(state_));
  }
}

void RansDecoder::renormalise() {
  // From a state in [2^31, 2^63) a step leaves at least 2^15 (a symbol) or 2^27 (a nibble), so
  // one word brings it back into the interval: the initial state's check is the only one needed.
  if (state_ < kRansLow) state_ = (state_ << 32) | next_word();
}

uint32_t RansDecoder::next_word() {
  if (size_ - position_ < 4) {
    throw InputError(where_, "more rANS words (the string ends too early)", std::to_string(size_) + " bytes");
  }
  const uint8_t* p = data_ + position_;
  position_ += 4;
  return p[0] | (uint32_t{p[1]} << 8) | (uint32_t{p[2]} << 16) | (uint32_t{p[3]} << 24);
}

uint32_t RansDecoder::decode_bypass_nibble() {
  const uint32_t value = static_cast<uint32_t>(state_) & kBypassMax;
  state_ >>= kBypassBits;
  renormalise();
  return value;
}

void RansDecoder::decode(const int32_t* indexes, size_t count, const CdfTable& table, int32_t* out) {
  constexpr uint32_t kMask = (1u << kCdfPrecision) - 1;
  for (size_t k = 0; k < count; ++k) {
    const int32_t index = indexes[k];
    if (index < 0 || index >= table.rows()) {
      throw InputError(where_ + ": indexes[" + std::to_string(k) + "]",
                       "a CDF row in [0, " + std::to_string(table.rows()) + ")", std::to_string(index));
    }
    const int32_t* cdf = table.row(index);
    const int32_t length = table.cdf_length(index);
    const int32_t cumulative = static_cast<int32_t>(state_ & kMask);
    // The symbol whose interval holds `cumulative`: cdf[0] = 0 <= cumulative < cdf[length - 1].
    const int32_t symbol =
        static_cast<int32_t>(std::upper_bound(cdf + 1, cdf + length, cumulative) - cdf) - 1;
    const uint32_t start = static_cast<uint32_t>(cdf[symbol]);
    const uint32_t freq = static_cast<uint32_t>(cdf[symbol + 1]) - start;
    state_ = freq * (state_ >> kCdfPrecision) + (state_ & kMask) - start;
    renormalise();

    const int32_t escape = length - 2;
    int64_t value = symbol;
    if (symbol == escape) {
      // The encoder writes a count of 15 or more as 15 and the rest; a 32-bit value needs 8 at most.
      const uint32_t nibbles = decode_bypass_nibble();
      if (nibbles > static_cast<uint32_t>(kMaxBypassNibbles)) {
        throw InputError(where_ + ": symbol " + std::to_string(k),
                         "a bypass count of at most " + std::to_string(kMaxBypassNibbles) + " nibbles",
                         std::to_string(nibbles));
      }
      uint32_t raw = 0;
      uint32_t nibble = 0;
      for (uint32_t j = 0; j < nibbles; ++j) {
        nibble = decode_bypass_nibble();
        raw |= nibble << (j * kBypassBits);
      }
      // The encoder writes the fewest nibbles that hold the value: its last one is never 0.
      if (nibbles > 0 && nibble == 0) {
        throw InputError(where_ + ": symbol " + std::to_string(k),
                         "a bypass value whose last nibble is not 0", "0");
      }
      value = raw >> 1;
      value = (raw & 1) ? -value - 1 : value + escape;
    }
    // The encoder's domain: symbol - offset and the symbol both within int32.
    const int64_t decoded = value + table.offset(index);
    if (value > std::numeric_limits<int32_t>::max() || decoded < std::numeric_limits<int32_t>::min() ||
        decoded > std::numeric_limits<int32_t>::max()) {
      throw InputError(where_ + ": symbol " + std::to_string(k),
                       "a value within int32 (and within int32 of its offset)",
                       std::to_string(decoded) + " (offset " + std::to_string(table.offset(index)) + ")");
    }
    out[k] = static_cast<int32_t>(decoded);
  }
}

std::vector<int32_t> RansDecoder::decode_stream(const std::vector<int32_t>& indexes, const CdfTable& table) {
  std::vector<int32_t> out(indexes.size());
  decode(indexes.data(), indexes.size(), table, out.data());
  return out;
}

void RansDecoder::finish() const {
  if (position_ != size_) {
    throw InputError(where_, "a rANS string that ends with its last symbol",
                     std::to_string(size_ - position_) + " bytes left over");
  }
  if (state_ != kRansLow) {
    throw InputError(where_, "the final rANS state 2147483648 (the string does not decode to these symbols)",
                     std::to_string(state_));
  }
}

std::vector<int32_t> decode_with_indexes(const uint8_t* data, size_t size,
                                         const std::vector<int32_t>& indexes, const CdfTable& table,
                                         const std::string& where) {
  RansDecoder decoder(data, size, where);
  std::vector<int32_t> out = decoder.decode_stream(indexes, table);
  decoder.finish();
  return out;
}

}  // namespace tgvc::entropy
