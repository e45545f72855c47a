// A cached bitstream file (harness/run/bitstream_file.h) reads back as the Encoded that was
// written, and a damaged one is refused, never decoded.
#include <gtest/gtest.h>

#include "harness/core/error.h"
#include "harness/run/bitstream_file.h"

namespace tgvc {
namespace {

StoredBitstream sample() {
  StoredBitstream s;
  Encoded& e = s.encoded;
  e.codec_id = "tgvc";
  e.info.width = 96;
  e.info.height = 64;
  e.info.format = {ChromaFormat::k444, 10, ColourFamily::kYuv};
  e.info.fps = {25, 2};
  e.info.colour = {Matrix::kBt601, Range::kFull};
  e.frame_count = 9;
  e.coded_width = 112;
  e.coded_height = 64;
  e.conversion.applied = true;
  e.conversion.source_format = {ChromaFormat::k444, 8, ColourFamily::kRgb};
  e.conversion.coded_format = {ChromaFormat::k420, 8, ColourFamily::kYuv};
  e.conversion.spec = {Matrix::kBt709, Range::kLimited};
  for (int i = 0; i < 300; ++i) e.bitstream.push_back(static_cast<uint8_t>(i * 7));
  e.bitstream.push_back('\n');  // payload bytes may hold anything
  e.components = {{"header", 1}, {"keyframes", 250}, {"trajectories", 50}};
  e.decoder_options = {{"generator", "blend"}};
  s.encode_s = 1.25;
  return s;
}

TEST(BitstreamFile, RoundTripsEverything) {
  const StoredBitstream in = sample();
  const StoredBitstream out = bitstream_from_file(bitstream_to_file(in), "x");
  const Encoded& a = in.encoded;
  const Encoded& b = out.encoded;
  EXPECT_EQ(b.codec_id, a.codec_id);
  EXPECT_EQ(b.info.width, 96);
  EXPECT_EQ(b.info.height, 64);
  EXPECT_EQ(b.info.format, a.info.format);
  EXPECT_EQ(b.info.fps.num, 25);
  EXPECT_EQ(b.info.fps.den, 2);
  EXPECT_EQ(b.info.colour.matrix, Matrix::kBt601);
  EXPECT_EQ(b.info.colour.range, Range::kFull);
  EXPECT_EQ(b.frame_count, 9);
  EXPECT_EQ(b.coded_width, 112);
  EXPECT_EQ(b.coded_height, 64);
  EXPECT_TRUE(b.conversion.applied);
  EXPECT_EQ(b.conversion.source_format, a.conversion.source_format);
  EXPECT_EQ(b.conversion.coded_format, a.conversion.coded_format);
  EXPECT_EQ(b.conversion.spec.matrix, Matrix::kBt709);
  EXPECT_EQ(b.bitstream, a.bitstream);
  ASSERT_EQ(b.components.size(), 3u);
  EXPECT_EQ(b.components[1].name, "keyframes");
  EXPECT_EQ(b.components[1].bytes, 250u);
  EXPECT_EQ(b.decoder_options, a.decoder_options);
  EXPECT_EQ(out.encode_s, 1.25);
  EXPECT_TRUE(b.encoder_notes.empty());
}

// What the encoder chose stays with the bitstream: a cell that takes it from the cache records it.
TEST(BitstreamFile, KeepsTheEncoderNotes) {
  StoredBitstream in = sample();
  in.encoded.encoder_notes = {{"keyframe-quality", "41"}, {"target-bpp", "met"}};
  const std::string file = bitstream_to_file(in);
  EXPECT_EQ(bitstream_from_file(file, "x").encoded.encoder_notes, in.encoded.encoder_notes);
  EXPECT_EQ(bitstream_to_file(sample()).find("encoder_notes"), std::string::npos);
}

// A codec that states its padding (the learned codec) gets it back; the others' files stay as they were.
TEST(BitstreamFile, AStatedPaddingRoundTrips) {
  StoredBitstream in = sample();
  EXPECT_EQ(bitstream_to_file(in).find("padding"), std::string::npos);
  EXPECT_EQ(bitstream_from_file(bitstream_to_file(in), "x").encoded.padding, "");
  in.encoded.padding = "reflect-right-bottom";
  EXPECT_EQ(bitstream_from_file(bitstream_to_file(in), "x").encoded.padding, "reflect-right-bottom");
}

TEST(BitstreamFile, ADamagedOrTruncatedFileIsAnInputErrorNamingIt) {
  const std::string file = bitstream_to_file(sample());
  std::string flipped = file;
  flipped[flipped.size() - 5] ^= 1;
  EXPECT_THROW(bitstream_from_file(flipped, "cache/bitstreams/k"), InputError);
  EXPECT_THROW(bitstream_from_file(file.substr(0, file.size() - 1), "k"), InputError);
  EXPECT_THROW(bitstream_from_file("no header", "k"), InputError);
  try {
    bitstream_from_file(flipped, "cache/bitstreams/k");
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("cache/bitstreams/k"), std::string::npos);
  }
}

}  // namespace
}  // namespace tgvc
