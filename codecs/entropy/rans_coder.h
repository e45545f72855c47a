// rANS coding of integer symbols with a table of quantized CDFs, byte-identical to CompressAI's
// `RansEncoder` / `BufferedRansEncoder` / `RansDecoder` (compressai/cpp_exts/rans): a 64-bit
// state, 32-bit renormalisation words, 16-bit CDF precision, and CompressAI's bypass coding of
// values outside a row's range (the row's last symbol escapes; the value follows in 4-bit
// nibbles). Strings are sequences of little-endian 32-bit words, as CompressAI writes them on
// little-endian machines. docs/learned-codecs.md states the format and the exactness contract.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "codecs/entropy/cdf_table.h"

namespace tgvc::entropy {

// Collects symbols over any number of calls, then writes one string (BufferedRansEncoder).
class RansEncoder {
 public:
  // Appends `count` symbols, symbol k coded with CDF row indexes[k] of `table`: values
  // symbols[k] - offset in [0, cdf_length - 2) with the row's frequencies, every other value as
  // the escape symbol plus bypass nibbles. Raises InputError for an index outside the table or a
  // value symbols[k] - offset outside int32.
  void encode_with_indexes(const int32_t* symbols, const int32_t* indexes, size_t count,
                           const CdfTable& table);
  void encode_with_indexes(const std::vector<int32_t>& symbols, const std::vector<int32_t>& indexes,
                           const CdfTable& table);
  // Codes everything appended since the last flush (in reverse, as rANS needs) and returns the
  // string; the encoder is empty afterwards.
  std::vector<uint8_t> flush();

  // Coding steps buffered so far (one per symbol, plus bypass nibbles).
  size_t buffered_steps() const { return steps_.size(); }

 private:
  // One coding step: a CDF interval [start, start + freq) of 1 << 16, or (freq == 0) a bypass
  // nibble in `start`.
  struct Step {
    uint16_t start;
    uint16_t freq;
  };
  void append_steps(const int32_t* symbols, const int32_t* indexes, size_t count, const CdfTable& table);

  std::vector<Step> steps_;
};

// RansEncoder.encode_with_indexes: one call, one string.
std::vector<uint8_t> encode_with_indexes(const std::vector<int32_t>& symbols,
                                         const std::vector<int32_t>& indexes, const CdfTable& table);

// Decodes a string written by RansEncoder (RansDecoder.set_stream / decode_stream). It never reads
// outside the string, and it accepts only what the encoder can write: a string that ends too
// early, is not a whole number of 32-bit words, holds a state outside the encoder's interval, a
// bypass count above 8, a bypass value with a leading zero nibble or a value outside int32 raises
// InputError naming `where` (CompressAI's decoder reads past the end or decodes such strings to
// something). So a string that decodes and finishes is exactly the encoding of its symbols.
class RansDecoder {
 public:
  // The decoder reads [data, data + size) and does not own it.
  RansDecoder(const uint8_t* data, size_t size, std::string where);

  // Decodes `count` symbols with CDF rows indexes[k] of `table` into `out`.
  void decode(const int32_t* indexes, size_t count, const CdfTable& table, int32_t* out);
  std::vector<int32_t> decode_stream(const std::vector<int32_t>& indexes, const CdfTable& table);
  // Raises InputError unless the string was read to its end and the state is back where the
  // encoder started: true of every string the encoder writes once all its symbols are decoded.
  void finish() const;

 private:
  uint32_t next_word();
  // Reads a word when the state fell below 2^31, as the encoder wrote one there.
  void renormalise();
  uint32_t decode_bypass_nibble();

  const uint8_t* data_;
  size_t size_;
  size_t position_ = 0;
  uint64_t state_ = 0;
  std::string where_;
};

// RansDecoder.decode_with_indexes: decodes indexes.size() symbols of one whole string and checks
// that they used all of it (RansDecoder::finish).
std::vector<int32_t> decode_with_indexes(const uint8_t* data, size_t size,
                                         const std::vector<int32_t>& indexes, const CdfTable& table,
                                         const std::string& where);
inline std::vector<int32_t> decode_with_indexes(const std::vector<uint8_t>& string,
                                                const std::vector<int32_t>& indexes, const CdfTable& table,
                                                const std::string& where) {
  return decode_with_indexes(string.data(), string.size(), indexes, table, where);
}

}  // namespace tgvc::entropy
