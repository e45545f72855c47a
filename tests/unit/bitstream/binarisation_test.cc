#include "codecs/tgvc/bitstream/binarisation.h"

#include <gtest/gtest.h>

#include <vector>

#include "harness/core/lcg.h"

namespace tgvc {
namespace {

std::vector<uint32_t> test_values() {
  std::vector<uint32_t> values;
  for (uint32_t v = 0; v < 300; ++v) values.push_back(v);
  for (int k = 8; k < 32; ++k) {
    values.push_back((1u << k) - 2);
    values.push_back((1u << k) - 1);
    values.push_back(1u << k);
  }
  values.push_back(0xFFFFFFFEu);
  return values;
}

TEST(ExpGolomb, RoundTripsWithAndWithoutContexts) {
  for (int contexts : {0, 1, 6}) {
    std::vector<AdaptiveBit> enc_models(6), dec_models(6);
    const std::vector<uint32_t> values = test_values();
    ArithmeticEncoder encoder;
    for (uint32_t v : values) encode_exp_golomb(encoder, v, {enc_models.data(), contexts});
    const std::vector<uint8_t> bytes = encoder.finish();
    ArithmeticDecoder decoder(bytes.data(), bytes.size());
    for (uint32_t v : values) {
      const std::optional<uint32_t> decoded = decode_exp_golomb(decoder, {dec_models.data(), contexts}, 31);
      ASSERT_TRUE(decoded.has_value());
      ASSERT_EQ(*decoded, v) << contexts << " contexts";
    }
    EXPECT_TRUE(decoder.finished_cleanly());
  }
}

// In bypass mode a value costs exactly 2 * floor(log2(v + 1)) + 1 bits (the Exp-Golomb length).
TEST(ExpGolomb, BypassCodeLengthIsExpGolombs) {
  ArithmeticEncoder encoder;
  uint64_t bits = 0;
  for (uint32_t v = 0; v < 20000; ++v) {
    encode_exp_golomb(encoder, v, {});
    int k = 0;
    while (((v + 1) >> (k + 1)) != 0) ++k;
    bits += 2 * k + 1;
  }
  const size_t size = encoder.finish().size();
  EXPECT_GE(size * 8 + 8, bits);
  EXPECT_LE(size * 8, bits + 8);
}

TEST(ExpGolomb, PrefixLongerThanAllowedIsRejected) {
  ArithmeticEncoder encoder;
  encode_exp_golomb(encoder, 5000, {});  // prefix of 12 ones
  const std::vector<uint8_t> bytes = encoder.finish();
  {
    ArithmeticDecoder decoder(bytes.data(), bytes.size());
    EXPECT_FALSE(decode_exp_golomb(decoder, {}, 11).has_value());
  }
  {
    ArithmeticDecoder decoder(bytes.data(), bytes.size());
    EXPECT_EQ(decode_exp_golomb(decoder, {}, 12), 5000u);
  }
}

TEST(SignedValues, RoundTripWithAdaptiveContexts) {
  Lcg lcg(11);
  std::vector<int32_t> values = {0, 1, -1, 2, -2, 2147483647, -2147483647};
  for (int i = 0; i < 5000; ++i) {
    const int magnitude = lcg.uniform() < 0.7 ? 0 : static_cast<int>(lcg.next() % (i % 5 == 0 ? 60000 : 4));
    values.push_back(lcg.next() & 1 ? magnitude : -magnitude);
  }
  AdaptiveBit zero[2], sign[2], magnitude[2][4];
  ArithmeticEncoder encoder;
  for (int32_t v : values) encode_signed(encoder, v, {&zero[0], &sign[0], {magnitude[0], 4}});
  const std::vector<uint8_t> bytes = encoder.finish();
  ArithmeticDecoder decoder(bytes.data(), bytes.size());
  for (int32_t v : values) {
    const std::optional<int32_t> decoded =
        decode_signed(decoder, {&zero[1], &sign[1], {magnitude[1], 4}}, 30);
    ASSERT_TRUE(decoded.has_value());
    ASSERT_EQ(*decoded, v);
  }
  EXPECT_TRUE(decoder.finished_cleanly());
}

}  // namespace
}  // namespace tgvc
