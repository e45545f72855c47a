// The rANS coder: CompressAI's 72-byte string with two escapes byte for byte, seeded round trips
// over every row with many escapes, and InputErrors (never a crash or a hang) for damaged strings,
// bad indexes and bad CDF tables.
#include "codecs/entropy/rans_coder.h"

#include <algorithm>
#include <limits>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "codecs/entropy/gaussian_conditional.h"
#include "harness/core/error.h"
#include "harness/core/lcg.h"
#include "tests/unit/entropy/compressai_vectors.h"

namespace tgvc::entropy {
namespace {

const CdfTable& default_gaussian_table() {
  static const CdfTable table =
      gaussian_cdf_table(ScaleTable(testing::reference_scale_table(), kDefaultScaleBound, "test"));
  return table;
}

std::vector<uint8_t> bytes_from_hex(const std::string& hex) {
  std::vector<uint8_t> bytes;
  for (size_t k = 0; k + 1 < hex.size(); k += 2) bytes.push_back(std::stoi(hex.substr(k, 2), nullptr, 16));
  return bytes;
}

const nlohmann::json& rans_vector() {
  return testing::compressai_vectors()["rans"];
}

TEST(RansCoder, CompressAiStringWithTwoEscapesByteForByte) {
  const std::vector<int32_t> symbols = rans_vector()["symbols"].get<std::vector<int32_t>>();
  const std::vector<int32_t> indexes = rans_vector()["indexes"].get<std::vector<int32_t>>();
  const std::vector<uint8_t> expected = bytes_from_hex(rans_vector()["output_hex"].get<std::string>());
  ASSERT_EQ(expected.size(), 72u);
  // The vector's construction rule, so that the JSON cannot drift from its description.
  for (int i = 0; i < 64; ++i) {
    EXPECT_EQ(symbols[i], i == 10 ? 40 : i == 20 ? -200 : (i % 7) - 3);
    EXPECT_EQ(indexes[i], i);
  }
  EXPECT_EQ(encode_with_indexes(symbols, indexes, default_gaussian_table()), expected);
  EXPECT_EQ(decode_with_indexes(expected, indexes, default_gaussian_table(), "vector"), symbols);
}

TEST(RansCoder, BufferedCallsThenOneFlushGiveTheSameString) {
  const std::vector<int32_t> symbols = rans_vector()["symbols"].get<std::vector<int32_t>>();
  const std::vector<int32_t> indexes = rans_vector()["indexes"].get<std::vector<int32_t>>();
  RansEncoder encoder;
  encoder.encode_with_indexes(symbols.data(), indexes.data(), 30, default_gaussian_table());
  encoder.encode_with_indexes(symbols.data() + 30, indexes.data() + 30, 34, default_gaussian_table());
  EXPECT_EQ(encoder.flush(), bytes_from_hex(rans_vector()["output_hex"].get<std::string>()));
  EXPECT_EQ(encoder.buffered_steps(), 0u);
  // Decoding in two calls of one stream gives the symbols too (RansDecoder.decode_stream).
  const std::vector<uint8_t> string = encode_with_indexes(symbols, indexes, default_gaussian_table());
  RansDecoder decoder(string.data(), string.size(), "two calls");
  std::vector<int32_t> first(indexes.begin(), indexes.begin() + 30);
  std::vector<int32_t> second(indexes.begin() + 30, indexes.end());
  std::vector<int32_t> decoded = decoder.decode_stream(first, default_gaussian_table());
  const std::vector<int32_t> rest = decoder.decode_stream(second, default_gaussian_table());
  decoded.insert(decoded.end(), rest.begin(), rest.end());
  EXPECT_EQ(decoded, symbols);
  EXPECT_NO_THROW(decoder.finish());
}

TEST(RansCoder, EmptyInputIsTheInitialState) {
  const std::vector<uint8_t> string = encode_with_indexes({}, {}, default_gaussian_table());
  EXPECT_EQ(string, (std::vector<uint8_t>{0, 0, 0, 0x80, 0, 0, 0, 0}));
  EXPECT_TRUE(decode_with_indexes(string, {}, default_gaussian_table(), "empty").empty());
}

// Symbols around each row's range: mostly inside, many escapes on both sides (small and large,
// up to int32's limits), every row used.
std::vector<int32_t> random_symbols(Lcg& lcg, const std::vector<int32_t>& indexes, const CdfTable& table) {
  std::vector<int32_t> symbols;
  for (const int32_t index : indexes) {
    const int32_t low = table.offset(index);
    const int32_t span = table.cdf_length(index) - 1;
    const uint32_t kind = lcg.next() % 16;
    int64_t value;
    if (kind < 10) {
      value = low + static_cast<int32_t>(lcg.next() % span);  // in range, escape value included
    } else if (kind < 12) {
      value = low - 1 - static_cast<int32_t>(lcg.next() % 300);
    } else if (kind < 14) {
      value = low + span + static_cast<int32_t>(lcg.next() % 300);
    } else if (kind == 14) {
      value = static_cast<int32_t>(lcg.next32());  // anywhere in int32
    } else {
      value = lcg.next() % 2 ? std::numeric_limits<int32_t>::max() : std::numeric_limits<int32_t>::min();
    }
    // Keep symbol - offset within int32 (the encoder rejects the rest; offsets here are <= 0).
    value = std::min<int64_t>(value, int64_t{std::numeric_limits<int32_t>::max()} + low);
    value = std::max<int64_t>(value, int64_t{std::numeric_limits<int32_t>::min()} + std::max(low, 0));
    symbols.push_back(static_cast<int32_t>(value));
  }
  return symbols;
}

TEST(RansCoder, SeededRoundTripsWithEscapesOverEveryRow) {
  const CdfTable& table = default_gaussian_table();
  Lcg lcg(2024);
  for (int trial = 0; trial < 20; ++trial) {
    const size_t count = 1 + lcg.next() % 5000;
    std::vector<int32_t> indexes(count);
    for (size_t k = 0; k < count; ++k) indexes[k] = k < 64 ? static_cast<int32_t>(k) : lcg.next() % 64;
    const std::vector<int32_t> symbols = random_symbols(lcg, indexes, table);
    const std::vector<uint8_t> string = encode_with_indexes(symbols, indexes, table);
    EXPECT_EQ(string.size() % 4, 0u);
    ASSERT_EQ(decode_with_indexes(string, indexes, table, "round trip"), symbols) << "trial " << trial;
  }
}

TEST(RansCoder, RoundTripsWithATableOfThreeEntryRows) {
  // The smallest rows: one symbol plus the escape; every value but the offset itself escapes.
  const CdfTable table({{0, 1, 65536}, {0, 65535, 65536}}, {3, 3}, {-2, 7}, "tiny");
  Lcg lcg(7);
  std::vector<int32_t> indexes(3000);
  for (int32_t& i : indexes) i = lcg.next() % 2;
  const std::vector<int32_t> symbols = random_symbols(lcg, indexes, table);
  EXPECT_EQ(decode_with_indexes(encode_with_indexes(symbols, indexes, table), indexes, table, "tiny"),
            symbols);
}

TEST(RansCoder, EncoderRejectsBadIndexesAndOverflowingValuesAndKeepsItsState) {
  const CdfTable& table = default_gaussian_table();
  EXPECT_THROW(encode_with_indexes({1}, {64}, table), InputError);
  EXPECT_THROW(encode_with_indexes({1}, {-1}, table), InputError);
  EXPECT_THROW(encode_with_indexes({1, 2}, {0}, table), InputError);
  // Row 63's offset is -1565: the symbol 2^31 - 1 lies 2^31 + 1564 above it.
  EXPECT_THROW(encode_with_indexes({std::numeric_limits<int32_t>::max()}, {63}, table), InputError);
  RansEncoder encoder;
  const std::vector<int32_t> symbols = {1, 2, 3};
  encoder.encode_with_indexes(symbols, {1, 2, 3}, table);
  const size_t steps = encoder.buffered_steps();
  EXPECT_THROW(encoder.encode_with_indexes(symbols, {1, 2, 99}, table), InputError);
  EXPECT_EQ(encoder.buffered_steps(), steps);
  EXPECT_EQ(encoder.flush(), encode_with_indexes(symbols, {1, 2, 3}, table));
}

// Decodes 2000 copies of `string`, each with one bit flipped; returns how many raised InputError.
// The others must decode to other symbols (a flip never goes unnoticed and unchanged).
int count_caught_flips(const std::vector<uint8_t>& string, const std::vector<int32_t>& indexes,
                       const std::vector<int32_t>& symbols, const CdfTable& table, Lcg& lcg) {
  int caught = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    std::vector<uint8_t> damaged = string;
    damaged[lcg.next() % damaged.size()] ^= static_cast<uint8_t>(1u << (lcg.next() % 8));
    try {
      EXPECT_NE(decode_with_indexes(damaged, indexes, table, "damaged"), symbols);
    } catch (const InputError&) {
      ++caught;
    }
  }
  return caught;
}

TEST(RansCoder, DamagedStringsAreInputErrors) {
  const CdfTable& table = default_gaussian_table();
  Lcg lcg(99);
  std::vector<int32_t> indexes(400);
  for (int32_t& i : indexes) i = lcg.next() % 64;
  const std::vector<int32_t> symbols = random_symbols(lcg, indexes, table);
  const std::vector<uint8_t> string = encode_with_indexes(symbols, indexes, table);

  // Every truncation, word-aligned or not.
  for (size_t size = 0; size < string.size(); ++size) {
    EXPECT_THROW(decode_with_indexes(string.data(), size, indexes, table, "truncated"), InputError) << size;
  }
  // Extra bytes, and one symbol too few or too many.
  std::vector<uint8_t> longer = string;
  longer.insert(longer.end(), {1, 2, 3, 4});
  EXPECT_THROW(decode_with_indexes(longer, indexes, table, "longer"), InputError);
  EXPECT_THROW(
      decode_with_indexes(string, std::vector<int32_t>(indexes.begin(), indexes.end() - 1), table, "fewer"),
      InputError);
  std::vector<int32_t> more = indexes;
  more.push_back(0);
  EXPECT_THROW(decode_with_indexes(string, more, table, "more"), InputError);
  // Index out of the table.
  std::vector<int32_t> bad = indexes;
  bad[5] = 64;
  EXPECT_THROW(decode_with_indexes(string, bad, table, "bad index"), InputError);

  // Flipped bits: an InputError or other symbols, never a crash or a hang. Bypass nibbles are
  // raw bits (a flip there is another valid string), so here only some flips are caught.
  const int caught = count_caught_flips(string, indexes, symbols, table, lcg);
  EXPECT_GT(caught, 500);
}

TEST(RansCoder, FlippedBitsInTypicalStringsAreAlmostAlwaysCaught) {
  // Symbols drawn from their rows' own distributions (no escapes): every bit of the string feeds
  // the state, and the final-state check catches a flip unless it lands in a rare symbol of
  // frequency 1, whose 16 bits are as raw as bypass nibbles.
  const CdfTable& table = default_gaussian_table();
  Lcg lcg(5);
  std::vector<int32_t> indexes(400);
  std::vector<int32_t> symbols;
  for (int32_t& i : indexes) {
    i = lcg.next() % 64;
    const int32_t* cdf = table.row(i);
    const int32_t u = static_cast<int32_t>(lcg.next()) % cdf[table.cdf_length(i) - 2];
    const int32_t s = static_cast<int32_t>(std::upper_bound(cdf, cdf + table.cdf_length(i), u) - cdf) - 1;
    symbols.push_back(table.offset(i) + s);
  }
  const std::vector<uint8_t> string = encode_with_indexes(symbols, indexes, table);
  EXPECT_GT(count_caught_flips(string, indexes, symbols, table, lcg), 1990);
}

// A string written the way ryg_rans writes one, independently of RansEncoder, for a list of steps:
// {start, freq} is the interval [start, start + freq) of 2^16, {nibble, 0} a bypass nibble. Steps
// are coded last to first, so the decoder meets them in list order.
std::vector<uint8_t> rans_string(const std::vector<std::pair<uint32_t, uint32_t>>& steps) {
  uint64_t x = uint64_t{1} << 31;
  std::vector<uint32_t> words;
  for (auto step = steps.rbegin(); step != steps.rend(); ++step) {
    const uint32_t freq = step->second == 0 ? 1u << 12 : step->second;
    if (x >= ((uint64_t{1} << 15) << 32) * freq) {
      words.push_back(static_cast<uint32_t>(x));
      x >>= 32;
    }
    x = step->second == 0 ? (x << 4) | step->first : ((x / freq) << 16) + (x % freq) + step->first;
  }
  words.push_back(static_cast<uint32_t>(x >> 32));
  words.push_back(static_cast<uint32_t>(x));
  std::vector<uint8_t> bytes;
  for (auto word = words.rbegin(); word != words.rend(); ++word) {
    for (int b = 0; b < 4; ++b) bytes.push_back(static_cast<uint8_t>(*word >> (8 * b)));
  }
  return bytes;
}

// The message of the InputError that decoding one symbol of `row` raises ("no error" if none).
std::string decode_error(const std::vector<uint8_t>& string, int32_t row = 0) {
  try {
    decode_with_indexes(string, {row}, default_gaussian_table(), "crafted");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

// Row 0 is cdf 0 1 65534 65535 65536: its escape symbol is the interval [65535, 65536).
const std::pair<uint32_t, uint32_t> kEscapeRow0 = {65535, 1};
std::pair<uint32_t, uint32_t> nibble(uint32_t value) {
  return {value, 0};
}

TEST(RansCoder, CraftedBypassStringsDecodeLikeTheEncoderWritesThem) {
  // Count 2, nibbles 1 and 2: raw 0x21 = 33, odd, so the value is -(33 >> 1) - 1 = -17 below row
  // 0's range, the symbol -17 + offset -1 = -18; RansEncoder writes the same string.
  const std::vector<uint8_t> string = rans_string({kEscapeRow0, nibble(2), nibble(1), nibble(2)});
  EXPECT_EQ(decode_with_indexes(string, {0}, default_gaussian_table(), "crafted"), std::vector<int32_t>{-18});
  EXPECT_EQ(encode_with_indexes({-18}, {0}, default_gaussian_table()), string);
}

TEST(RansCoder, StringsTheEncoderCannotWriteAreInputErrors) {
  // A bypass count of 9: a 32-bit value never needs more than 8 nibbles.
  std::vector<std::pair<uint32_t, uint32_t>> steps = {kEscapeRow0, nibble(9)};
  steps.insert(steps.end(), 9, nibble(1));
  EXPECT_THAT(decode_error(rans_string(steps)),
              ::testing::HasSubstr("crafted: symbol 0: expected a bypass count of at most 8 nibbles"));
  // One nibble of value 0: the encoder writes the value 0 with no nibbles at all.
  EXPECT_THAT(decode_error(rans_string({kEscapeRow0, nibble(1), nibble(0)})),
              ::testing::HasSubstr("last nibble is not 0"));
  // Raw value 0xFFFFFFFE: 2^31 - 1 past the escape, a symbol beyond int32.
  steps = {kEscapeRow0, nibble(8), nibble(0xE)};
  steps.insert(steps.end(), 7, nibble(0xF));
  EXPECT_THAT(decode_error(rans_string(steps)), ::testing::HasSubstr("expected a value within int32"));
  // Row 63 (offset -1565, escape 3131), raw 0xFFFFF060: the value 2^31 + 1131 is beyond int32
  // (the encoder cannot take it) although the symbol 2^31 - 434 is not.
  const CdfTable& table = default_gaussian_table();
  const std::pair<uint32_t, uint32_t> escape63 = {table.row(63)[3131],
                                                  table.row(63)[3132] - table.row(63)[3131]};
  steps = {escape63, nibble(8), nibble(0), nibble(6), nibble(0), nibble(0xF)};
  steps.insert(steps.end(), 4, nibble(0xF));
  EXPECT_THAT(decode_error(rans_string(steps), 63), ::testing::HasSubstr("expected a value within int32"));
  steps[2] = nibble(1);  // raw 0xFFFFF061: odd, so far below the row instead, and valid
  EXPECT_EQ(decode_error(rans_string(steps), 63), "no error");
  // Initial states outside [2^31, 2^63), which the encoder never flushes.
  EXPECT_THAT(decode_error({0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0, 0, 0, 0, 0}),
              ::testing::HasSubstr("initial rANS state"));
  EXPECT_THAT(decode_error({0, 0, 0, 0, 0, 0, 0, 0x80, 0, 0, 0, 0}),
              ::testing::HasSubstr("initial rANS state"));
}

TEST(CdfTableCheck, BadTablesAreInputErrorsNamingTheRow) {
  const auto where_of = [](auto make) {
    try {
      make();
    } catch (const InputError& e) {
      return e.where();
    }
    return std::string("no error");
  };
  EXPECT_EQ(where_of([] { CdfTable({{0, 5, 65536}, {1, 5, 65536}}, {3, 3}, {0, 0}, "m"); }), "m: CDF row 1");
  EXPECT_EQ(where_of([] { CdfTable({{0, 5, 65535}}, {3}, {0}, "m"); }), "m: CDF row 0");
  EXPECT_EQ(where_of([] { CdfTable({{0, 5, 5, 65536}}, {4}, {0}, "m"); }), "m: CDF row 0");
  EXPECT_EQ(where_of([] { CdfTable({{0, 65536}}, {2}, {0}, "m"); }), "m: CDF row 0");     // no room to escape
  EXPECT_EQ(where_of([] { CdfTable({{0, 5, 65536}}, {4}, {0}, "m"); }), "m: CDF row 0");  // row too short
  EXPECT_EQ(where_of([] { CdfTable({{0, 5, 65536}}, {3}, {0, 1}, "m"); }), "m: offset");
  EXPECT_EQ(where_of([] { CdfTable({{0, 5, 65536}}, {3, 3}, {0}, "m"); }), "m: cdf_length");
  EXPECT_EQ(where_of([] {
              CdfTable(std::vector<int32_t>{0, 5, 65536, 0}, 3, {3}, {0}, "m");
            }),
            "m: quantized_cdf");
  EXPECT_EQ(where_of([] {
              CdfTable(std::vector<int32_t>{0, 5, 65536, 0}, 4, {5}, {0}, "m");
            }),
            "m: CDF row 0");
  EXPECT_EQ(where_of([] { CdfTable(std::vector<int32_t>{}, 4, {}, {}, "m"); }), "m: cdf_length");
  // Padded rows are accepted as stored.
  EXPECT_EQ(where_of([] {
              CdfTable(std::vector<int32_t>{0, 5, 65536, 0, 0, 1, 2, 65536}, 4, {3, 4}, {0, 0}, "m");
            }),
            "no error");
}

}  // namespace
}  // namespace tgvc::entropy
