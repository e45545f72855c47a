// The OBU splitter on hand-built streams (bytes written from the AV1 spec's syntax tables).
#if __has_include(<aom/aom_decoder.h>) && __has_include(<dav1d/dav1d.h>)

#include "codecs/aom/obu_stream.h"

#include <gtest/gtest.h>

#include "harness/core/error.h"

namespace tgvc {
namespace {

// obu_header: forbidden(1) type(4) extension(1) has_size(1) reserved(1).
uint8_t header(int type, bool extension = false) {
  return static_cast<uint8_t>(type << 3 | extension << 2 | 0x02);
}

TEST(ObuStream, SplitsTemporalUnitsAndReadsMultiByteSizes) {
  std::vector<uint8_t> s = {header(kObuTemporalDelimiter),
                            0x00,  // TU 0: TD
                            header(kObuSequenceHeader),
                            0x02,
                            0xaa,
                            0xbb,  // sequence header
                            header(kObuFrame),
                            0x81,
                            0x01};  // frame, size 129 (leb128)
  s.insert(s.end(), 129, 0x5a);
  const size_t second = s.size();
  s.insert(s.end(), {header(kObuTemporalDelimiter), 0x00, header(kObuFrame, true), 0x10, 0x01, 0x77});
  const std::vector<Obu> obus = parse_obus(s, "test");
  ASSERT_EQ(obus.size(), 5u);
  EXPECT_EQ(obus[2].type, kObuFrame);
  EXPECT_EQ(obus[2].size, 3u + 129u);
  EXPECT_EQ(obus[4].size, 4u);  // header, extension byte, size, one payload byte
  const std::vector<TemporalUnit> units = split_temporal_units(s, "test");
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].offset, 0u);
  EXPECT_EQ(units[0].size, second);
  EXPECT_EQ(units[1].offset, second);
  EXPECT_EQ(units[1].offset + units[1].size, s.size());
}

TEST(ObuStream, MalformedStreamsAreInputErrors) {
  const uint8_t td = header(kObuTemporalDelimiter);
  // Payload runs past the end.
  EXPECT_THROW(parse_obus({td, 0x00, header(kObuFrame), 0x05, 1, 2}, "test"), InputError);
  // No size field (Annex-B or section-5 "last OBU" form): refused.
  EXPECT_THROW(parse_obus({td, 0x00, static_cast<uint8_t>(kObuFrame << 3), 1, 2}, "test"), InputError);
  // Forbidden bit set.
  EXPECT_THROW(parse_obus({static_cast<uint8_t>(0x80 | td), 0x00}, "test"), InputError);
  // leb128 longer than 8 bytes, or cut short.
  EXPECT_THROW(parse_obus({td, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00}, "test"), InputError);
  EXPECT_THROW(parse_obus({td, 0x80}, "test"), InputError);
  // Not starting with a temporal delimiter.
  EXPECT_THROW(split_temporal_units({header(kObuFrame), 0x00}, "test"), InputError);
  EXPECT_TRUE(split_temporal_units({}, "test").empty());
}

}  // namespace
}  // namespace tgvc

#endif
