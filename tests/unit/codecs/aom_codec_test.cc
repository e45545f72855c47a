// The aom adapter: parameters, rate behaviour, formats, determinism, the OBU stream, and the
// dav1d decode against libaom's own decoder (two independent decoders must agree bit-exactly).
#if __has_include(<aom/aom_decoder.h>) && __has_include(<dav1d/dav1d.h>)

#include <aom/aom_decoder.h>
#include <aom/aomdx.h>
#include <dav1d/dav1d.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>

#include "codecs/aom/aom_codec.h"
#include "harness/core/error.h"
#include "tests/unit/codecs/codec_test_support.h"

namespace tgvc {
namespace {

using ::testing::HasSubstr;
using testing_support::encode_with;
using testing_support::expect_same_shape;
using testing_support::identical;
using testing_support::luma_psnr;
using testing_support::moving_pattern;
using testing_support::plane_psnr;
using testing_support::yuv;

using testing_support::bpp;
using testing_support::kFrames;
using testing_support::kHeight;
using testing_support::kWidth;
using testing_support::source8;

// (type, offset, total size) of each OBU, parsed here independently of codecs/aom/obu_stream.
struct TestObu {
  int type;
  size_t offset, size;
};
std::vector<TestObu> obus_of(const std::vector<uint8_t>& s) {
  std::vector<TestObu> out;
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t start = pos;
    const uint8_t header = s[pos++];
    if (header & 0x04) ++pos;  // extension byte
    uint64_t size = 0;
    for (int shift = 0;; shift += 7) {
      const uint8_t b = s.at(pos++);
      size |= uint64_t(b & 0x7f) << shift;
      if (!(b & 0x80)) break;
    }
    pos += size;
    out.push_back({(header >> 3) & 0xf, start, pos - start});
  }
  EXPECT_EQ(pos, s.size());
  return out;
}

int count_type(const std::vector<uint8_t>& s, int type) {
  int n = 0;
  for (const TestObu& o : obus_of(s)) n += o.type == type;
  return n;
}

// Decodes with libaom's own decoder, one temporal unit per call.
Video decode_with_libaom(const Encoded& e) {
  aom_codec_ctx_t ctx;
  aom_codec_dec_cfg_t cfg = {};
  cfg.threads = 1;
  cfg.allow_lowbitdepth = 1;
  EXPECT_EQ(aom_codec_dec_init(&ctx, aom_codec_av1_dx(), &cfg, 0), AOM_CODEC_OK);
  Video out;
  out.info = e.info;
  std::vector<size_t> starts;
  for (const TestObu& o : obus_of(e.bitstream)) {
    if (o.type == 2) starts.push_back(o.offset);
  }
  starts.push_back(e.bitstream.size());
  for (size_t u = 0; u + 1 < starts.size(); ++u) {
    EXPECT_EQ(aom_codec_decode(&ctx, e.bitstream.data() + starts[u], starts[u + 1] - starts[u], nullptr),
              AOM_CODEC_OK);
    aom_codec_iter_t iter = nullptr;
    while (aom_image_t* img = aom_codec_get_frame(&ctx, &iter)) {
      Frame frame = Frame::allocate(e.info.width, e.info.height, e.info.format);
      const bool wide = img->fmt & AOM_IMG_FMT_HIGHBITDEPTH;
      for (int p = 0; p < 3; ++p) {
        Plane& plane = frame.planes[p];
        for (int y = 0; y < plane.height; ++y) {
          const uint8_t* row = img->planes[p] + static_cast<ptrdiff_t>(y) * img->stride[p];
          for (int x = 0; x < plane.width; ++x) {
            uint16_t v = row[x];
            if (wide) std::memcpy(&v, row + 2 * x, 2);
            plane.at(x, y) = v;
          }
        }
      }
      out.frames.push_back(std::move(frame));
    }
  }
  aom_codec_destroy(&ctx);
  return out;
}

TEST(AomCodec, IsRegisteredWithItsLibraryVersions) {
  const Codec* codec = find_codec("aom");
  ASSERT_NE(codec, nullptr);
  EXPECT_EQ(codec->version(),
            std::string("1 (libaom ") + aom_codec_version_str() + "; dav1d " + dav1d_version() + ")");
}

TEST(AomCodec, ParameterMistakesAreInputErrors) {
  const AomCodec codec;
  try {
    ParamSet::resolve(codec.param_specs(), {{"cq_level", "30"}}, "aom");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "aom.cq_level");
    EXPECT_THAT(e.expected(), HasSubstr("'cq-level'"));
  }
  EXPECT_THROW(ParamSet::resolve(codec.param_specs(), {{"cq-level", "64"}}, "aom"), InputError);
  EXPECT_THROW(encode_with(codec, source8(), {{"bitrate", "50"}}), InputError);  // q takes no bitrate
  EXPECT_THROW(encode_with(codec, source8(), {{"end-usage", "vbr"}}), InputError);
  EXPECT_THROW(encode_with(codec, source8(), {{"keyint", "10"}, {"min-keyint", "20"}}), InputError);
  try {
    encode_with(codec, source8(), {{"cpu-used", "10"}});  // realtime only in libaom 3.6
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "aom.cpu-used");
  }
}

TEST(AomCodec, CqLevelLadderLowersQualityAndRate) {
  const AomCodec codec;
  double last_psnr = 1e9;
  size_t last_bytes = SIZE_MAX, first_bytes = 0;
  for (int level : {16, 32, 48, 63}) {
    SCOPED_TRACE("cq-level " + std::to_string(level));
    const Encoded e = encode_with(codec, source8(), {{"cq-level", std::to_string(level)}});
    const Video decoded = codec.decode(e);
    expect_same_shape(source8(), decoded);
    const double psnr = luma_psnr(source8(), decoded);
    EXPECT_LT(psnr, last_psnr);
    EXPECT_LT(e.bitstream.size(), last_bytes);
    if (level == 16) {
      EXPECT_GT(psnr, 40);
    }
    if (level == 63) {
      // The textured test pattern at 128x96x16 costs about 0.03 (x265) / 0.05 (aom) bpp here;
      // at 512x320 the same settings fall below 0.01 bpp.
      EXPECT_LT(bpp(e), 0.06) << e.bitstream.size() << " bytes";
      EXPECT_LT(e.bitstream.size() * 10, first_bytes);
      EXPECT_GT(psnr, 18);
    }
    last_psnr = psnr;
    last_bytes = e.bitstream.size();
    if (first_bytes == 0) first_bytes = last_bytes;
  }
}

TEST(AomCodec, StreamIsLowOverheadObusWithoutIvf) {
  const AomCodec codec;
  const Encoded e = encode_with(codec, source8(), {{"cq-level", "40"}});
  ASSERT_GE(e.bitstream.size(), 2u);
  EXPECT_EQ(e.bitstream[0], 0x12);                 // temporal delimiter, has_size_field
  EXPECT_EQ(e.bitstream[1], 0x00);                 // of size 0
  EXPECT_EQ(count_type(e.bitstream, 2), kFrames);  // one temporal unit per frame
  EXPECT_EQ(count_type(e.bitstream, 1), 1);        // one keyframe, one sequence header
  uint64_t headers = 0;
  for (const TestObu& o : obus_of(e.bitstream)) headers += (o.type == 1 || o.type == 2) ? o.size : 0;
  ASSERT_EQ(e.components.size(), 2u);
  EXPECT_EQ(e.components[0].name, "headers");
  EXPECT_EQ(e.components[0].bytes, headers);
  EXPECT_EQ(e.components[0].bytes + e.components[1].bytes, e.bitstream.size());
}

TEST(AomCodec, KeyintControlsKeyframes) {
  const AomCodec codec;
  // libaom repeats the sequence header on every keyframe.
  EXPECT_GE(count_type(encode_with(codec, source8(), {{"keyint", "4"}}).bitstream, 1), kFrames / 4);
}

TEST(AomCodec, SameInputAndParamsGiveIdenticalBytes) {
  const AomCodec codec;
  const std::map<std::string, std::string> params = {{"cq-level", "45"}, {"cpu-used", "5"}};
  EXPECT_EQ(encode_with(codec, source8(), params).bitstream, encode_with(codec, source8(), params).bitstream);
}

TEST(AomCodec, VbrFollowsTheTarget) {
  const AomCodec codec;
  const Encoded low = encode_with(codec, source8(), {{"end-usage", "vbr"}, {"bitrate", "20"}});
  const Encoded high = encode_with(codec, source8(), {{"end-usage", "vbr"}, {"bitrate", "300"}});
  EXPECT_LT(low.bitstream.size() * 3, high.bitstream.size());
  EXPECT_EQ(codec.decode(low).frame_count(), kFrames);
}

TEST(AomCodec, RealtimeUsageRoundTrip) {
  const AomCodec codec;
  const Encoded e =
      encode_with(codec, source8(), {{"usage", "realtime"}, {"cpu-used", "10"}, {"cq-level", "30"}});
  EXPECT_GT(luma_psnr(source8(), codec.decode(e)), 30);
}

TEST(AomCodec, TenBitRoundTrip) {
  const AomCodec codec;
  const Video source = moving_pattern(kWidth, kHeight, 8, yuv(ChromaFormat::k420, 10));
  const Video decoded = codec.decode(encode_with(codec, source, {{"cq-level", "16"}}));
  expect_same_shape(source, decoded);
  EXPECT_GT(luma_psnr(source, decoded), 40);
  uint16_t max_sample = 0;
  for (uint16_t s : decoded.frames[3].planes[0].samples) max_sample = std::max(max_sample, s);
  EXPECT_GT(max_sample, 700);
}

TEST(AomCodec, OtherChromaFormatsAndOddSizesRoundTrip) {
  const AomCodec codec;
  for (const Video& source : {moving_pattern(kWidth, kHeight, 6, yuv(ChromaFormat::k444, 8)),
                              moving_pattern(kWidth, kHeight, 6, yuv(ChromaFormat::k422, 10)),
                              moving_pattern(kWidth - 1, kHeight - 3, 6, yuv(ChromaFormat::k420, 8))}) {
    SCOPED_TRACE(std::to_string(source.info.width) + "x" + std::to_string(source.info.height) + " " +
                 to_string(source.info.format.chroma));
    const Video decoded = codec.decode(encode_with(codec, source, {{"cq-level", "20"}}));
    expect_same_shape(source, decoded);
    for (int p = 0; p < 3; ++p) EXPECT_GT(plane_psnr(source, decoded, p), 38) << "plane " << p;
  }
}

class AomCrossDecodeTest : public ::testing::TestWithParam<int> {};

TEST_P(AomCrossDecodeTest, Dav1dEqualsLibaomDecoder) {
  const AomCodec codec;
  const Video source = moving_pattern(kWidth, kHeight, 12, yuv(ChromaFormat::k420, GetParam()));
  const Encoded e = encode_with(codec, source, {{"cq-level", "40"}});
  const Video by_dav1d = codec.decode(e);
  const Video by_libaom = decode_with_libaom(e);
  expect_same_shape(source, by_dav1d);
  ASSERT_EQ(by_libaom.frame_count(), source.frame_count());
  EXPECT_TRUE(identical(by_dav1d, by_libaom));
  EXPECT_LT(luma_psnr(source, by_dav1d), 60);  // lossy: not trivially the source
}

INSTANTIATE_TEST_SUITE_P(BitDepths, AomCrossDecodeTest, ::testing::Values(8, 10));

TEST(AomCodec, UnsupportedSourcesAreInputErrors) {
  const AomCodec codec;
  EXPECT_THROW(encode_with(codec, moving_pattern(64, 64, 2, {ChromaFormat::k444, 8, ColourFamily::kRgb}), {}),
               InputError);
  EXPECT_THROW(encode_with(codec, moving_pattern(64, 64, 2, yuv(ChromaFormat::k420, 12)), {}), InputError);
  EXPECT_THROW(encode_with(codec, moving_pattern(64, 64, 0, yuv(ChromaFormat::k420, 8)), {}), InputError);
}

TEST(AomCodec, DamagedStreamsAreErrorsNotCrashes) {
  const AomCodec codec;
  const Encoded good = encode_with(codec, source8(), {{"cq-level", "30"}});
  Encoded truncated = good;
  truncated.bitstream.resize(good.bitstream.size() / 2);
  EXPECT_THROW(codec.decode(truncated), Error);
  Encoded cut_at_unit = good;  // a whole number of temporal units, one frame short
  cut_at_unit.bitstream.resize(obus_of(good.bitstream).back().offset);
  while (!cut_at_unit.bitstream.empty() && count_type(cut_at_unit.bitstream, 2) == kFrames) {
    cut_at_unit.bitstream.resize(obus_of(cut_at_unit.bitstream).back().offset);
  }
  EXPECT_THROW(codec.decode(cut_at_unit), InputError);
  Encoded garbage = good;
  for (size_t i = 2; i < garbage.bitstream.size(); ++i)
    garbage.bitstream[i] = static_cast<uint8_t>(i * 131 + 7);
  EXPECT_THROW(codec.decode(garbage), Error);
  Encoded empty = good;
  empty.bitstream.clear();
  EXPECT_THROW(codec.decode(empty), Error);
  Encoded wrong_size = good;
  wrong_size.info.height = 64;
  EXPECT_THROW(codec.decode(wrong_size), InputError);
  Encoded wrong_depth = good;
  wrong_depth.info.format.bit_depth = 10;
  EXPECT_THROW(codec.decode(wrong_depth), InputError);
}

TEST(AomCodec, RandomDamageGivesErrorsOrFullDecodesNeverCrashes) {
  const AomCodec codec;
  const Encoded good = encode_with(codec, source8(), {{"cq-level", "30"}});
  EXPECT_GT(testing_support::decode_damaged_copies(codec, good, kFrames), 0);
}

}  // namespace
}  // namespace tgvc

#endif  // aom and dav1d headers
