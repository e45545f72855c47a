#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "codecs/tgvc/bitstream/arithmetic_decoder.h"
#include "codecs/tgvc/bitstream/arithmetic_encoder.h"
#include "harness/core/lcg.h"

namespace tgvc {
namespace {

// Hand-derived from the spec: p0 moves by (65536 - p0) >> shift on a 0 and p0 >> shift on a 1.
TEST(AdaptiveBit, UpdatesByTheSpecifiedShifts) {
  const uint32_t shifts[] = {1, 2, 2, 3, 3, 3, 3, 4};
  for (uint32_t count = 0; count < 8; ++count) EXPECT_EQ(AdaptiveBit::adaptation_shift(count), shifts[count]);
  EXPECT_EQ(AdaptiveBit::adaptation_shift(62), 6u);
  EXPECT_EQ(AdaptiveBit::adaptation_shift(63), 7u);
  EXPECT_EQ(AdaptiveBit::adaptation_shift(1000), 7u);

  AdaptiveBit bit;
  EXPECT_EQ(bit.p0(), 32768u);
  bit.update(0);  // shift 1
  EXPECT_EQ(bit.p0(), 49152u);
  bit.update(1);  // shift 2
  EXPECT_EQ(bit.p0(), 36864u);
  bit.update(0);  // shift 2: 36864 + 28672 / 4
  EXPECT_EQ(bit.p0(), 44032u);
}

// The shift-7 update stops moving p0 where (65536 - p0) >> 7 or p0 >> 7 is 0: at 65409 and 127.
TEST(AdaptiveBit, ProbabilityStaysWithinItsBounds) {
  AdaptiveBit zeros, ones;
  for (int i = 0; i < 5000; ++i) {
    zeros.update(0);
    ones.update(1);
  }
  EXPECT_EQ(zeros.p0(), 65409u);
  EXPECT_EQ(ones.p0(), 127u);
  Lcg lcg(5);
  for (int run = 0; run < 200; ++run) {
    AdaptiveBit bit;
    const uint32_t bias = lcg.next() % 65536;
    for (int i = 0; i < 400; ++i) {
      bit.update(lcg.next() < bias ? 0 : 1);
      ASSERT_GE(bit.p0(), 127u);
      ASSERT_LE(bit.p0(), 65409u);
    }
  }
}

// Worked examples of docs/bitstream.md: one symbol with a fresh context.
TEST(ArithmeticCoder, HandDerivedVectors) {
  {
    ArithmeticEncoder encoder;
    AdaptiveBit context;
    encoder.encode(1, context);
    EXPECT_EQ(encoder.finish(), std::vector<uint8_t>({0x80}));
  }
  {
    ArithmeticEncoder encoder;
    AdaptiveBit context;
    encoder.encode(0, context);
    EXPECT_TRUE(encoder.finish().empty());
  }
  {
    ArithmeticEncoder encoder;
    EXPECT_TRUE(encoder.finish().empty());
  }
  {
    // Bypass bits 1, 0, 1: range 0xFFFFFFFF >> 1 = 0x7FFFFFFF is added for the first 1, then
    // 0x1FFFFFFF for the third; the shortest value in [0x9FFFFFFE, 0xBFFFFFFC] is 0xA0000000.
    ArithmeticEncoder encoder;
    encoder.encode_bits(0b101, 3);
    EXPECT_EQ(encoder.finish(), std::vector<uint8_t>({0xA0}));
  }
}

struct Symbol {
  int context;  // -1: bypass
  int bit;
};

std::vector<Symbol> random_symbols(uint32_t seed, int count, const std::vector<double>& p1) {
  Lcg lcg(seed);
  std::vector<Symbol> symbols;
  for (int i = 0; i < count; ++i) {
    const int context = static_cast<int>(lcg.next() % (p1.size() + 1)) - 1;
    const double p = context < 0 ? 0.5 : p1[context];
    symbols.push_back({context, lcg.uniform() < p ? 1 : 0});
  }
  return symbols;
}

std::vector<uint8_t> encode_symbols(const std::vector<Symbol>& symbols, size_t contexts) {
  ArithmeticEncoder encoder;
  std::vector<AdaptiveBit> models(contexts);
  for (const Symbol& s : symbols) {
    if (s.context < 0) {
      encoder.encode_bypass(s.bit);
    } else {
      encoder.encode(s.bit, models[s.context]);
    }
  }
  return encoder.finish();
}

TEST(ArithmeticCoder, RoundTripsRandomSymbols) {
  const std::vector<double> p1 = {0.5, 0.2, 0.05, 0.01, 0.001, 0.9, 0.999};
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    const int count = static_cast<int>(seed * seed * 97 % 20000);
    const std::vector<Symbol> symbols = random_symbols(seed, count, p1);
    const std::vector<uint8_t> bytes = encode_symbols(symbols, p1.size());
    ArithmeticDecoder decoder(bytes.data(), bytes.size());
    std::vector<AdaptiveBit> models(p1.size());
    for (size_t i = 0; i < symbols.size(); ++i) {
      const Symbol& s = symbols[i];
      const int bit = s.context < 0 ? decoder.decode_bypass() : decoder.decode(models[s.context]);
      ASSERT_EQ(bit, s.bit) << "seed " << seed << " symbol " << i;
    }
    EXPECT_TRUE(decoder.finished_cleanly()) << "seed " << seed;
    EXPECT_GE(decoder.bytes_consumed(), bytes.size());
    EXPECT_LE(decoder.bytes_consumed(), bytes.size() + 4);
  }
}

// Long runs of one symbol drive p0 to its clamp and the coder through long 0xFF carry chains.
TEST(ArithmeticCoder, RoundTripsExtremeRuns) {
  for (int bit : {0, 1}) {
    ArithmeticEncoder encoder;
    AdaptiveBit model;
    for (int i = 0; i < 200000; ++i) encoder.encode(i % 50000 == 49999 ? 1 - bit : bit, model);
    const std::vector<uint8_t> bytes = encoder.finish();
    ArithmeticDecoder decoder(bytes.data(), bytes.size());
    AdaptiveBit decoded;
    for (int i = 0; i < 200000; ++i) ASSERT_EQ(decoder.decode(decoded), i % 50000 == 49999 ? 1 - bit : bit);
    EXPECT_TRUE(decoder.finished_cleanly());
  }
}

double entropy_bits(int ones, int total) {
  double bits = 0;
  for (int n : {ones, total - ones}) {
    if (n > 0) bits -= n * std::log2(static_cast<double>(n) / total);
  }
  return bits;
}

// One stationary source per context: the adaptive coder's size against the empirical entropy.
TEST(ArithmeticCoder, SizeIsCloseToEntropy) {
  struct Case {
    double p1;
    double tolerance;  // relative excess allowed
  };
  const Case cases[] = {{0.5, 0.01}, {0.3, 0.01}, {0.1, 0.02}, {0.03, 0.03}, {0.01, 0.05}};
  const int count = 200000;
  for (const Case& c : cases) {
    Lcg lcg(7);
    ArithmeticEncoder encoder;
    AdaptiveBit model;
    int ones = 0;
    for (int i = 0; i < count; ++i) {
      const int bit = lcg.uniform() < c.p1 ? 1 : 0;
      ones += bit;
      encoder.encode(bit, model);
    }
    const double coded = 8.0 * encoder.finish().size();
    const double entropy = entropy_bits(ones, count);
    EXPECT_LT(coded, entropy * (1 + c.tolerance)) << "p1 " << c.p1;
    EXPECT_GT(coded, entropy * 0.999) << "p1 " << c.p1;  // below entropy would mean a broken test
    std::printf("p1 %.2f: %.0f bits for entropy %.0f (+%.2f%%)\n", c.p1, coded, entropy,
                100 * (coded / entropy - 1));
  }
}

TEST(ArithmeticCoder, BypassBitsCostOneBitEach) {
  Lcg lcg(3);
  ArithmeticEncoder encoder;
  for (int i = 0; i < 80000; ++i) encoder.encode_bypass(lcg.next() & 1);
  const size_t size = encoder.finish().size();
  EXPECT_GE(size, 9999u);
  EXPECT_LE(size, 10001u);
}

TEST(ArithmeticCoder, DecoderPastTheEndReadsZerosAndReportsOverrun) {
  const uint8_t bytes[3] = {0x12, 0x34, 0x56};
  ArithmeticDecoder decoder(bytes, sizeof bytes);
  AdaptiveBit model;
  for (int i = 0; i < 100000; ++i) decoder.decode(model);
  for (int i = 0; i < 1000; ++i) decoder.decode_bypass();
  EXPECT_TRUE(decoder.overran());
  EXPECT_FALSE(decoder.finished_cleanly());
}

// The encoder drops at most 4 trailing zeros, so 5 more bytes are always left unread. (Fewer
// extra bytes may stand for the dropped zeros: the container's CRC guards against those.)
TEST(ArithmeticCoder, FiveTrailingBytesAreNotACleanFinish) {
  for (int extra : {0, 5}) {
    ArithmeticEncoder encoder;
    AdaptiveBit model;
    for (int i = 0; i < 100; ++i) encoder.encode(i % 7 == 0, model);
    std::vector<uint8_t> bytes = encoder.finish();
    bytes.insert(bytes.end(), extra, 0x5A);
    ArithmeticDecoder decoder(bytes.data(), bytes.size());
    AdaptiveBit decoded;
    for (int i = 0; i < 100; ++i) decoder.decode(decoded);
    EXPECT_EQ(decoder.finished_cleanly(), extra == 0);
  }
}

}  // namespace
}  // namespace tgvc
