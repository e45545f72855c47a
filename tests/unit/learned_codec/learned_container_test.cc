// The learned codec's container: written and parsed back byte for byte, and every malformed
// stream an InputError naming the field (docs/learned-codecs.md, "Container").
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "codecs/learned/learned_container.h"
#include "harness/core/error.h"

namespace tgvc::learned {
namespace {

using ::testing::HasSubstr;

std::vector<uint8_t> words(int count, uint8_t seed) {
  std::vector<uint8_t> out(4 * static_cast<size_t>(count));
  for (size_t i = 0; i < out.size(); ++i) out[i] = static_cast<uint8_t>(seed + 31 * i);
  return out;
}

LearnedStream sample_stream() {
  LearnedStream s;
  s.export_digest = digest_prefix("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  s.width = 150;
  s.height = 100;
  s.shapes = {192, 8, 12, 128, 2, 3};
  s.frames.push_back({words(2, 1), words(40, 2)});
  s.frames.push_back({words(3, 3), words(200, 4)});  // a length needing two varint bytes
  return s;
}

std::string parse_error(const std::vector<uint8_t>& bytes) {
  try {
    parse_learned_stream(bytes.data(), bytes.size(), "stream.bin");
  } catch (const InputError& e) {
    return e.what();
  }
  return "parsed";
}

TEST(LearnedContainer, LayoutIsTheDocumentedOne) {
  const std::vector<uint8_t> bytes = write_learned_stream(sample_stream());
  // magic, version, 8 digest bytes, width 150 (2 bytes), height 100, six shapes (192 takes 2
  // bytes), frame count, then per frame two lengths and the strings.
  const std::vector<uint8_t> head = {'T',  'G',  'L',  'C',  1,    0x01, 0x23, 0x45, 0x67,
                                     0x89, 0xab, 0xcd, 0xef, 0x96, 0x01, 100,  0xc0, 0x01,
                                     8,    12,   0x80, 0x01, 2,    3,    2,    2,    40};
  ASSERT_GE(bytes.size(), head.size());
  EXPECT_EQ(std::vector<uint8_t>(bytes.begin(), bytes.begin() + head.size()), head);
  const ContainerSizes sizes = container_sizes(sample_stream());
  EXPECT_EQ(sizes.hyper_latent, 4u * (2 + 3));
  EXPECT_EQ(sizes.latent, 4u * (40 + 200));
  // 27 bytes above, then frame 1's lengths 3 and 200 (2 bytes).
  EXPECT_EQ(sizes.header, 27u + 3u);
  EXPECT_EQ(sizes.header + sizes.hyper_latent + sizes.latent, bytes.size());
}

TEST(LearnedContainer, ParsesBackToTheSameStream) {
  const LearnedStream s = sample_stream();
  const std::vector<uint8_t> bytes = write_learned_stream(s);
  const LearnedStream back = parse_learned_stream(bytes.data(), bytes.size(), "stream.bin");
  EXPECT_EQ(back.export_digest, s.export_digest);
  EXPECT_EQ(back.width, 150);
  EXPECT_EQ(back.height, 100);
  EXPECT_EQ(back.shapes, s.shapes);
  ASSERT_EQ(back.frames.size(), 2u);
  EXPECT_EQ(back.frames[1].latent, s.frames[1].latent);
  EXPECT_EQ(back.frames[0].hyper_latent, s.frames[0].hyper_latent);
  EXPECT_EQ(write_learned_stream(back), bytes);
}

TEST(LearnedContainer, EveryTruncationAndExtraByteIsAnInputError) {
  const std::vector<uint8_t> bytes = write_learned_stream(sample_stream());
  for (size_t n = 0; n < bytes.size(); ++n) {
    EXPECT_NE(parse_error(std::vector<uint8_t>(bytes.begin(), bytes.begin() + n)), "parsed") << n;
  }
  std::vector<uint8_t> longer = bytes;
  longer.push_back(0);
  EXPECT_THAT(parse_error(longer), HasSubstr("1 bytes more"));
}

TEST(LearnedContainer, MalformedFieldsAreNamed) {
  const std::vector<uint8_t> good = write_learned_stream(sample_stream());
  auto with = [&](size_t at, std::vector<uint8_t> replacement, size_t erase = 1) {
    std::vector<uint8_t> b = good;
    b.erase(b.begin() + at, b.begin() + at + erase);
    b.insert(b.begin() + at, replacement.begin(), replacement.end());
    return parse_error(b);
  };
  EXPECT_THAT(with(0, {'X'}), HasSubstr("magic"));
  EXPECT_THAT(with(4, {2}), HasSubstr("version"));
  EXPECT_THAT(with(13, {0}, 2), HasSubstr("width"));               // 0 is not a size
  EXPECT_THAT(with(15, {0x81, 0x80, 0x01}), HasSubstr("height"));  // 16385 > 16384
  EXPECT_THAT(with(15, {0xe4, 0x00}), HasSubstr("redundant"));     // 100 in two bytes
  EXPECT_THAT(with(18, {0}), HasSubstr("latent height"));
  EXPECT_THAT(with(24, {0}), HasSubstr("frame count"));
  EXPECT_THAT(with(25, {1}), HasSubstr("frame 0 hyper-latent length"));  // below the rANS state
  EXPECT_THAT(with(26, {0xff, 0xff, 0xff, 0xff, 0x03}), HasSubstr("frame 0 latent string"));
  EXPECT_THAT(with(26, {0xff, 0xff, 0xff, 0xff, 0xff, 0x01}), HasSubstr("at most 5 bytes"));
}

}  // namespace
}  // namespace tgvc::learned
