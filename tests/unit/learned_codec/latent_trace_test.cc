// The learned codec's per-latent mismatch reports: channel fingerprints (FNV-1a values computed
// independently in Python), their text form, the first differing channel and the first differing
// byte of a string against a reference.
#include "codecs/learned/latent_trace.h"

#include <cmath>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/core/error.h"

namespace tgvc::learned {
namespace {

TEST(LatentTrace, ChannelDigestsAreFnv1aOfEachChannelsBytes) {
  // Python: FNV-1a 32 of struct.pack('<ii', 1, -2), '<i' 7, '<f' 0.5.
  const int32_t ints[] = {1, -2, 7};
  EXPECT_EQ(channel_digests(ints, 1, 2), std::vector<uint32_t>{0x73f687f1u});
  EXPECT_EQ(channel_digests(ints + 2, 1, 1), std::vector<uint32_t>{0x5b1137e2u});
  const float half = 0.5f;
  EXPECT_EQ(channel_digests(&half, 1, 1)[0], 0x1c95ab18u);
  EXPECT_EQ(channel_digests(ints, 1, 0)[0], 0x811c9dc5u);  // no bytes: the offset basis
}

TEST(LatentTrace, TextRoundTripsAndBadTextIsAnInputError) {
  LatentTrace t;
  t.hyper_symbols = {0x811c9dc5u, 1};
  t.latent_indexes = {0xffffffffu};
  t.latent_means = {0};
  t.latent_symbols = {0x12345678u, 0x9abcdef0u};
  const std::string text = trace_text(t);
  EXPECT_EQ(text, "811c9dc500000001/ffffffff/00000000/123456789abcdef0");
  EXPECT_TRUE(parse_trace(text, "test") == t);
  EXPECT_THROW(parse_trace("811c9dc5/ffffffff/00000000", "test"), InputError);
  EXPECT_THROW(parse_trace("811c9dc/ffffffff/00000000/00000000", "test"), InputError);
  EXPECT_THROW(parse_trace("811c9dcX/ffffffff/00000000/00000000", "test"), InputError);
}

TEST(LatentTrace, FirstChannelDifferenceNamesTheChannelAndItsSymbols) {
  const std::vector<uint32_t> a = {1, 2, 3, 4};
  EXPECT_EQ(first_channel_difference(a, a, "the latent y's symbols", 64), "");
  std::vector<uint32_t> b = a;
  b[2] = 9;
  b[3] = 9;
  EXPECT_EQ(first_channel_difference(a, b, "the latent y's symbols", 64),
            "the latent y's symbols (channel 2, symbols 128..191 of its string)");
  EXPECT_EQ(first_channel_difference(a, {1, 2}, "z", 4), "z (2 channels, the encoder's 4)");
}

TEST(LatentTrace, FindsTheOneValueThatPartsFromTheEncoder) {
  const int32_t encoder[] = {3, 6, 7, 9};
  const uint32_t digest = channel_digests(encoder, 1, 4)[0];
  const int32_t one_off[] = {3, 5, 7, 9};
  int32_t value = 0;
  EXPECT_EQ(find_single_change(one_off, 4, digest, 0, 63, &value), 1);
  EXPECT_EQ(value, 6);
  const int32_t two_off[] = {3, 5, 8, 9};
  EXPECT_EQ(find_single_change(two_off, 4, digest, 0, 63, &value), -1);
  EXPECT_EQ(find_single_change(one_off, 4, digest, 0, 5, &value), -1);  // 6 is outside the rows
  const int32_t two_away[] = {3, 8, 7, 9};
  EXPECT_EQ(find_single_change(two_away, 4, digest, 0, 63, &value), -1);  // not a neighbour

  const float means[] = {0.5f, -1.25f, 3.0f};
  const uint32_t mean_digest = channel_digests(means, 1, 3)[0];
  float moved[] = {0.5f, -1.25f, std::nextafter(3.0f, 0.0f)};
  float mean = 0;
  EXPECT_EQ(find_single_change(moved, 3, mean_digest, &mean), 2);
  EXPECT_EQ(mean, 3.0f);
  EXPECT_EQ(first_differing_channel({1, 2, 3}, {1, 2, 4}), 2);
  EXPECT_EQ(first_differing_channel({1, 2, 3}, {1, 2, 3}), -1);
}

TEST(LatentTrace, FirstByteDifferenceNamesTheOffsetAndBothBytes) {
  const std::vector<uint8_t> ref = {0x00, 0x00, 0x00, 0x80, 0x3b, 0x01};
  EXPECT_EQ(first_byte_difference(ref, ref, "frame 0, latent y string"), "");
  std::vector<uint8_t> ours = ref;
  ours[4] = 0x3a;
  EXPECT_EQ(first_byte_difference(ours, ref, "frame 0, latent y string"),
            "frame 0, latent y string: first differing byte 4 of 6 (ours 3a, the reference 3b)");
  EXPECT_EQ(first_byte_difference({0x00, 0x00}, ref, "z"), "z: ours ends after 2 of 6 bytes");
  std::vector<uint8_t> longer = ref;
  longer.push_back(7);
  EXPECT_EQ(first_byte_difference(longer, ref, "z"), "z: ours has 7 bytes, the reference 6");
}

}  // namespace
}  // namespace tgvc::learned
