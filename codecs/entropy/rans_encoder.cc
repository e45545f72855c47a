// The encoder half of rans_coder.h. encode_with_indexes turns symbols into coding steps in the
// order CompressAI's BufferedRansEncoder does; flush codes them last to first, so that the
// decoder, reading the string front to back, meets them first to last.
#include <algorithm>
#include <limits>

#include "codecs/entropy/rans_coder.h"
#include "codecs/entropy/rans_constants.h"
#include "harness/core/error.h"

namespace tgvc::entropy {
namespace {

// x -> C(start, freq, x) with 16-bit precision (ryg_rans Rans64EncPut).
inline void put_symbol(uint64_t& x, std::vector<uint32_t>& words, uint32_t start, uint32_t freq) {
  const uint64_t x_max = ((kRansLow >> kCdfPrecision) << 32) * freq;
  if (x >= x_max) {
    words.push_back(static_cast<uint32_t>(x));
    x >>= 32;
  }
  x = ((x / freq) << kCdfPrecision) + (x % freq) + start;
}

// A bypass nibble: a symbol of frequency 1 << (16 - 4) at start value << 12, written as a shift.
inline void put_nibble(uint64_t& x, std::vector<uint32_t>& words, uint32_t value) {
  const uint64_t x_max = ((kRansLow >> kCdfPrecision) << 32) << (kCdfPrecision - kBypassBits);
  if (x >= x_max) {
    words.push_back(static_cast<uint32_t>(x));
    x >>= 32;
  }
  x = (x << kBypassBits) | value;
}

}  // namespace

void RansEncoder::encode_with_indexes(const int32_t* symbols, const int32_t* indexes, size_t count,
                                      const CdfTable& table) {
  // A call that fails leaves the encoder as it was before the call.
  const size_t steps_before = steps_.size();
  try {
    append_steps(symbols, indexes, count, table);
  } catch (...) {
    steps_.resize(steps_before);
    throw;
  }
}

void RansEncoder::append_steps(const int32_t* symbols, const int32_t* indexes, size_t count,
                               const CdfTable& table) {
  for (size_t k = 0; k < count; ++k) {
    const int32_t index = indexes[k];
    if (index < 0 || index >= table.rows()) {
      throw InputError("rANS encoder: indexes[" + std::to_string(k) + "]",
                       "a CDF row in [0, " + std::to_string(table.rows()) + ")", std::to_string(index));
    }
    const int32_t* cdf = table.row(index);
    const int64_t escape = table.cdf_length(index) - 2;
    int64_t value = int64_t{symbols[k]} - table.offset(index);
    if (value < std::numeric_limits<int32_t>::min() || value > std::numeric_limits<int32_t>::max()) {
      throw InputError("rANS encoder: symbols[" + std::to_string(k) + "]",
                       "symbol - offset within int32 (offset " + std::to_string(table.offset(index)) + ")",
                       std::to_string(symbols[k]));
    }
    // Out-of-range values (and the escape value itself) go to the bypass path: negative values
    // as odd raw values, values from the escape up as even ones.
    uint32_t raw = 0;
    if (value < 0) {
      raw = static_cast<uint32_t>(-2 * value - 1);
      value = escape;
    } else if (value >= escape) {
      raw = static_cast<uint32_t>(2 * (value - escape));
      value = escape;
    }
    steps_.push_back({static_cast<uint16_t>(cdf[value]), static_cast<uint16_t>(cdf[value + 1] - cdf[value])});
    if (value != escape) continue;
    int nibbles = 0;
    while ((uint64_t{raw} >> (nibbles * kBypassBits)) != 0) ++nibbles;
    // The nibble count (CompressAI writes counts of 15 or more as 15 plus the rest; a 32-bit
    // value never needs more than 8), then the raw value, least significant nibble first.
    steps_.push_back({static_cast<uint16_t>(nibbles), 0});
    for (int j = 0; j < nibbles; ++j) {
      steps_.push_back({static_cast<uint16_t>((raw >> (j * kBypassBits)) & kBypassMax), 0});
    }
  }
}

void RansEncoder::encode_with_indexes(const std::vector<int32_t>& symbols,
                                      const std::vector<int32_t>& indexes, const CdfTable& table) {
  if (symbols.size() != indexes.size()) {
    throw InputError("rANS encoder: indexes", std::to_string(symbols.size()) + " entries (one per symbol)",
                     std::to_string(indexes.size()));
  }
  encode_with_indexes(symbols.data(), indexes.data(), symbols.size(), table);
}

std::vector<uint8_t> RansEncoder::flush() {
  uint64_t x = kRansLow;
  std::vector<uint32_t> words;  // in the order they are emitted: the string holds them reversed
  words.reserve(steps_.size() / 2 + 2);
  for (auto step = steps_.rbegin(); step != steps_.rend(); ++step) {
    if (step->freq != 0) {
      put_symbol(x, words, step->start, step->freq);
    } else {
      put_nibble(x, words, step->start);
    }
  }
  steps_.clear();
  // The final state leads the string, low word first.
  words.push_back(static_cast<uint32_t>(x >> 32));
  words.push_back(static_cast<uint32_t>(x));
  std::vector<uint8_t> bytes(words.size() * 4);
  uint8_t* out = bytes.data();
  for (auto word = words.rbegin(); word != words.rend(); ++word, out += 4) {
    out[0] = static_cast<uint8_t>(*word);
    out[1] = static_cast<uint8_t>(*word >> 8);
    out[2] = static_cast<uint8_t>(*word >> 16);
    out[3] = static_cast<uint8_t>(*word >> 24);
  }
  return bytes;
}

std::vector<uint8_t> encode_with_indexes(const std::vector<int32_t>& symbols,
                                         const std::vector<int32_t>& indexes, const CdfTable& table) {
  RansEncoder encoder;
  encoder.encode_with_indexes(symbols, indexes, table);
  return encoder.flush();
}

}  // namespace tgvc::entropy
