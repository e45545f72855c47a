// The x265 adapter: parameters, rate behaviour, formats, determinism, and its libavcodec decode
// against x265's own reconstruction.
#if __has_include(<x265.h>)

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <x265.h>

#include <array>
#include <cstring>
#include <thread>

#include "codecs/x265/hevc_decoder.h"
#include "codecs/x265/x265_codec.h"
#include "harness/core/error.h"
#include "tests/unit/codecs/codec_test_support.h"
#include "tests/unit/codecs/hevc_nal_types.h"

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
using testing_support::hevc_nal_types;
using testing_support::kFrames;
using testing_support::kHeight;
using testing_support::kWidth;
using testing_support::source8;

int count_irap(const std::vector<uint8_t>& s) {
  int n = 0;
  for (int t : hevc_nal_types(s)) n += t >= 16 && t <= 21;
  return n;
}

TEST(X265Codec, IsRegisteredWithItsLibraryVersion) {
  const Codec* codec = find_codec("x265");
  ASSERT_NE(codec, nullptr);
  EXPECT_EQ(codec->version(), std::string("1 (x265 ") + x265_version_str + ")");
}

TEST(X265Codec, UnknownKeyIsInputErrorNamingTheNearestKey) {
  const X265Codec codec;
  try {
    ParamSet::resolve(codec.param_specs(), {{"qpp", "30"}}, "x265");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "x265.qpp");
    EXPECT_THAT(e.expected(), HasSubstr("'qp'"));
  }
  EXPECT_THROW(ParamSet::resolve(codec.param_specs(), {{"qp", "52"}}, "x265"), InputError);
  EXPECT_THROW(ParamSet::resolve(codec.param_specs(), {{"preset", "quick"}}, "x265"), InputError);
}

TEST(X265Codec, TwoRateControlsAreInputErrorNamingBothKeys) {
  const X265Codec codec;
  try {
    encode_with(codec, source8(), {{"qp", "30"}, {"crf", "28"}});
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_THAT(e.where(), HasSubstr("x265.qp"));
    EXPECT_THAT(e.where(), HasSubstr("x265.crf"));
  }
}

TEST(X265Codec, QpLadderLowersQualityAndRate) {
  const X265Codec codec;
  double last_psnr = 1e9;
  size_t last_bytes = SIZE_MAX, first_bytes = 0;
  for (int qp : {22, 32, 42, 51}) {
    SCOPED_TRACE("qp " + std::to_string(qp));
    const Encoded e = encode_with(codec, source8(), {{"qp", std::to_string(qp)}, {"keyint", "-1"}});
    const Video decoded = codec.decode(e);
    expect_same_shape(source8(), decoded);
    const double psnr = luma_psnr(source8(), decoded);
    EXPECT_LT(psnr, last_psnr);
    EXPECT_LT(e.bitstream.size(), last_bytes);
    if (qp == 22) {
      EXPECT_GT(psnr, 38);
    }
    if (qp == 51) {
      // The textured test pattern at 128x96x16 costs about 0.03 (x265) / 0.05 (aom) bpp here;
      // at 512x320 the same settings fall below 0.01 bpp.
      EXPECT_LT(bpp(e), 0.04) << e.bitstream.size() << " bytes";
      EXPECT_LT(e.bitstream.size() * 10, first_bytes);
      EXPECT_GT(psnr, 18);  // still a picture of the source, not noise
    }
    last_psnr = psnr;
    last_bytes = e.bitstream.size();
    if (first_bytes == 0) first_bytes = last_bytes;
  }
}

TEST(X265Codec, StreamIsAnnexBWithParameterSetsFirst) {
  const X265Codec codec;
  const Encoded e = encode_with(codec, source8(), {{"qp", "40"}});
  const std::vector<int> types = hevc_nal_types(e.bitstream);
  ASSERT_GE(types.size(), 4u);
  EXPECT_EQ(types[0], 32);  // VPS
  EXPECT_EQ(types[1], 33);  // SPS
  EXPECT_EQ(types[2], 34);  // PPS
  for (int t : types) EXPECT_NE(t, 39) << "no prefix SEI (x265 info SEI is off)";
  ASSERT_EQ(e.components.size(), 2u);
  EXPECT_EQ(e.components[0].bytes + e.components[1].bytes, e.bitstream.size());
  EXPECT_EQ(e.codec_id, "x265");
  EXPECT_EQ(e.frame_count, kFrames);
}

TEST(X265Codec, DefaultRateControlIsCrf28) {
  const X265Codec codec;
  const Encoded by_default = encode_with(codec, source8(), {});
  EXPECT_EQ(by_default.bitstream, encode_with(codec, source8(), {{"crf", "28"}}).bitstream);
  EXPECT_NE(by_default.bitstream, encode_with(codec, source8(), {{"crf", "20"}}).bitstream);
}

TEST(X265Codec, SameInputAndParamsGiveIdenticalBytes) {
  const X265Codec codec;
  const std::map<std::string, std::string> params = {{"crf", "30"}, {"preset", "fast"}};
  EXPECT_EQ(encode_with(codec, source8(), params).bitstream, encode_with(codec, source8(), params).bitstream);
}

TEST(X265Codec, KeyintControlsIntraPictures) {
  const X265Codec codec;
  EXPECT_EQ(count_irap(encode_with(codec, source8(), {{"qp", "35"}, {"keyint", "-1"}}).bitstream), 1);
  EXPECT_EQ(count_irap(encode_with(codec, source8(), {{"qp", "35"}, {"keyint", "1"}}).bitstream), kFrames);
}

TEST(X265Codec, BitrateModeFollowsTheTarget) {
  const X265Codec codec;
  const Encoded low = encode_with(codec, source8(), {{"bitrate", "30"}});
  const Encoded high = encode_with(codec, source8(), {{"bitrate", "300"}});
  EXPECT_LT(low.bitstream.size() * 3, high.bitstream.size());
  EXPECT_EQ(codec.decode(high).frame_count(), kFrames);
}

TEST(X265Codec, LowDelayCodesAndRejectsBFrames) {
  const X265Codec codec;
  const Encoded e = encode_with(codec, source8(), {{"qp", "32"}, {"low-delay", "true"}});
  EXPECT_GT(luma_psnr(source8(), codec.decode(e)), 30);
  EXPECT_THROW(encode_with(codec, source8(), {{"low-delay", "true"}, {"bframes", "3"}}), InputError);
}

TEST(X265Codec, TenBitRoundTrip) {
  const X265Codec codec;
  const Video source = moving_pattern(kWidth, kHeight, 8, yuv(ChromaFormat::k420, 10));
  const Video decoded = codec.decode(encode_with(codec, source, {{"qp", "22"}}));
  expect_same_shape(source, decoded);
  EXPECT_GT(luma_psnr(source, decoded), 38);
  uint16_t max_sample = 0;
  for (uint16_t s : decoded.frames[3].planes[0].samples) max_sample = std::max(max_sample, s);
  EXPECT_GT(max_sample, 700);  // 10-bit levels, not 8-bit ones
}

TEST(X265Codec, FourFourFourAndFourTwoTwoRoundTrip) {
  const X265Codec codec;
  for (const Video& source : {moving_pattern(kWidth, kHeight, 6, yuv(ChromaFormat::k444, 8)),
                              moving_pattern(kWidth, kHeight - 2, 6, yuv(ChromaFormat::k422, 10))}) {
    SCOPED_TRACE(to_string(source.info.format.chroma));
    const Video decoded = codec.decode(encode_with(codec, source, {{"qp", "24"}, {"preset", "ultrafast"}}));
    expect_same_shape(source, decoded);
    for (int p = 0; p < 3; ++p) EXPECT_GT(plane_psnr(source, decoded, p), 35) << "plane " << p;
  }
}

TEST(X265Codec, UnsupportedSourcesAreInputErrors) {
  const X265Codec codec;
  Video rgb = moving_pattern(kWidth, kHeight, 2, {ChromaFormat::k444, 8, ColourFamily::kRgb});
  EXPECT_THROW(encode_with(codec, rgb, {}), InputError);
  EXPECT_THROW(encode_with(codec, moving_pattern(kWidth, kHeight, 2, yuv(ChromaFormat::k420, 12)), {}),
               InputError);
  EXPECT_THROW(encode_with(codec, moving_pattern(48, 48, 2, yuv(ChromaFormat::k420, 8)), {}), InputError);
  EXPECT_THROW(encode_with(codec, moving_pattern(kWidth, kHeight, 0, yuv(ChromaFormat::k420, 8)), {}),
               InputError);
}

// libx265 takes only whole chroma samples (an even 4:2:0 width and height): an odd source is
// coded one replicated column and row larger, and the decode is cropped back.
TEST(X265Codec, OddFourTwoZeroIsCodedWithAReplicatedColumnAndRow) {
  const X265Codec codec;
  const Video source = moving_pattern(kWidth - 1, kHeight - 1, 3, yuv(ChromaFormat::k420, 8));
  const Encoded e = encode_with(codec, source, {{"qp", "4"}, {"preset", "ultrafast"}});
  EXPECT_EQ(e.coded_width, kWidth);
  EXPECT_EQ(e.coded_height, kHeight);
  // The stream itself is of the coded size (libavcodec refuses any other).
  VideoInfo coded_info = source.info;
  coded_info.width = kWidth;
  coded_info.height = kHeight;
  const Video coded = decode_hevc_annexb(e.bitstream, coded_info, 3, "test");
  Video last_column, padded_column;  // one-pixel-wide luma videos
  for (Video* v : {&last_column, &padded_column})
    v->info = {1, kHeight - 1, yuv(ChromaFormat::k444, 8), {30, 1}, {}};
  for (int f = 0; f < 3; ++f) {
    Frame a = Frame::allocate(1, kHeight - 1, yuv(ChromaFormat::k444, 8));
    Frame b = a;
    for (int y = 0; y < kHeight - 1; ++y) {
      a.planes[0].at(0, y) = source.frames[f].planes[0].at(kWidth - 2, y);
      b.planes[0].at(0, y) = coded.frames[f].planes[0].at(kWidth - 1, y);
    }
    last_column.frames.push_back(a);
    padded_column.frames.push_back(b);
  }
  EXPECT_GT(luma_psnr(last_column, padded_column), 40);  // a copy of the edge, not black or grey
  const Video decoded = codec.decode(e);
  expect_same_shape(source, decoded);
  EXPECT_GT(luma_psnr(source, decoded), 45);
}

TEST(X265Codec, DamagedStreamsAreErrorsNotCrashes) {
  const X265Codec codec;
  const Encoded good = encode_with(codec, source8(), {{"qp", "30"}});
  Encoded truncated = good;
  truncated.bitstream.resize(good.bitstream.size() / 2);
  EXPECT_THROW(codec.decode(truncated), Error);
  Encoded garbage = good;
  for (size_t i = 0; i < garbage.bitstream.size(); ++i)
    garbage.bitstream[i] = static_cast<uint8_t>(i * 131 + 7);
  EXPECT_THROW(codec.decode(garbage), Error);
  Encoded empty = good;
  empty.bitstream.clear();
  EXPECT_THROW(codec.decode(empty), Error);
  Encoded wrong_size = good;
  wrong_size.info.width = 64;
  EXPECT_THROW(codec.decode(wrong_size), InputError);
  Encoded other = good;
  other.codec_id = "aom";
  EXPECT_THROW(codec.decode(other), InputError);
}

TEST(X265Codec, RandomDamageGivesErrorsOrFullDecodesNeverCrashes) {
  const X265Codec codec;
  const Encoded good = encode_with(codec, source8(), {{"qp", "30"}});
  EXPECT_GT(testing_support::decode_damaged_copies(codec, good, kFrames), 0);
}

TEST(X265Codec, ConcurrentEncodesWithDifferentCtuSizesMatchSerialOnes) {
  const X265Codec codec;
  const std::map<std::string, std::string> fast = {{"preset", "ultrafast"}, {"qp", "30"}};  // 32x32 CTUs
  const std::map<std::string, std::string> slow = {{"preset", "medium"}, {"qp", "30"}};     // 64x64 CTUs
  const std::vector<uint8_t> serial_fast = encode_with(codec, source8(), fast).bitstream;
  const std::vector<uint8_t> serial_slow = encode_with(codec, source8(), slow).bitstream;
  std::vector<uint8_t> parallel_fast, parallel_slow;
  std::thread a([&] { parallel_fast = encode_with(codec, source8(), fast).bitstream; });
  std::thread b([&] { parallel_slow = encode_with(codec, source8(), slow).bitstream; });
  a.join();
  b.join();
  EXPECT_EQ(parallel_fast, serial_fast);
  EXPECT_EQ(parallel_slow, serial_slow);
}

// Encodes `source` with the libx265 API directly, keeping the encoder's reconstructed pictures
// (pic_out), so that the adapter's libavcodec decode can be checked against them.
struct DirectEncode {
  Encoded encoded;
  Video reconstruction;
};

DirectEncode encode_keeping_reconstruction(const Video& source) {
  const int depth = source.info.format.bit_depth;
  const x265_api* api = x265_api_get(depth);
  x265_param* param = api->param_alloc();
  api->param_default_preset(param, "medium", nullptr);
  param->logLevel = X265_LOG_NONE;
  param->sourceWidth = source.info.width;
  param->sourceHeight = source.info.height;
  param->sourceBitDepth = depth;
  param->internalCsp = X265_CSP_I420;
  param->fpsNum = 30;
  param->fpsDenom = 1;
  param->rc.rateControlMode = X265_RC_CQP;
  param->rc.qp = 34;
  param->bRepeatHeaders = 1;
  param->frameNumThreads = 1;
  api->param_parse(param, "pools", "1");
  x265_encoder* encoder = api->encoder_open(param);

  DirectEncode out;
  out.encoded.codec_id = "x265";
  out.encoded.info = source.info;
  out.encoded.frame_count = source.frame_count();
  out.reconstruction.info = source.info;
  out.reconstruction.frames.resize(source.frames.size());
  const size_t bytes = depth > 8 ? 2 : 1;
  std::array<std::vector<uint8_t>, 3> planes;
  x265_picture in, recon;
  api->picture_init(param, &in);
  api->picture_init(param, &recon);
  in.bitDepth = depth;
  auto keep = [&](x265_nal* nals, uint32_t count, int got) {
    for (uint32_t i = 0; i < count; ++i) {
      out.encoded.bitstream.insert(out.encoded.bitstream.end(), nals[i].payload,
                                   nals[i].payload + nals[i].sizeBytes);
    }
    if (got <= 0) return;
    Frame frame = Frame::allocate(source.info.width, source.info.height, source.info.format);
    for (int p = 0; p < 3; ++p) {
      Plane& plane = frame.planes[p];
      for (int y = 0; y < plane.height; ++y) {
        const auto* row =
            static_cast<const uint8_t*>(recon.planes[p]) + static_cast<size_t>(y) * recon.stride[p];
        for (int x = 0; x < plane.width; ++x) {
          uint16_t v = row[x];
          if (bytes == 2) std::memcpy(&v, row + 2 * x, 2);
          plane.at(x, y) = v;
        }
      }
    }
    out.reconstruction.frames.at(recon.poc) = std::move(frame);
  };
  x265_nal* nals = nullptr;
  uint32_t count = 0;
  for (int f = 0; f < source.frame_count(); ++f) {
    for (int p = 0; p < 3; ++p) {
      const Plane& plane = source.frames[f].planes[p];
      planes[p].resize(plane.samples.size() * bytes);
      for (size_t i = 0; i < plane.samples.size(); ++i) {
        if (bytes == 2) {
          std::memcpy(&planes[p][2 * i], &plane.samples[i], 2);
        } else {
          planes[p][i] = static_cast<uint8_t>(plane.samples[i]);
        }
      }
      in.planes[p] = planes[p].data();
      in.stride[p] = plane.width * static_cast<int>(bytes);
    }
    in.pts = f;
    const int got = api->encoder_encode(encoder, &nals, &count, &in, &recon);
    keep(nals, count, got);
  }
  while (true) {
    const int got = api->encoder_encode(encoder, &nals, &count, nullptr, &recon);
    if (got <= 0) break;
    keep(nals, count, got);
  }
  api->encoder_close(encoder);
  api->param_free(param);
  return out;
}

class X265ReconstructionTest : public ::testing::TestWithParam<int> {};

TEST_P(X265ReconstructionTest, LibavcodecDecodeEqualsEncoderReconstruction) {
  const Video source = moving_pattern(kWidth, kHeight, 10, yuv(ChromaFormat::k420, GetParam()));
  const DirectEncode direct = encode_keeping_reconstruction(source);
  for (const Frame& f : direct.reconstruction.frames)
    ASSERT_EQ(f.width(), kWidth) << "a picture was not returned";
  const Video decoded = X265Codec().decode(direct.encoded);
  expect_same_shape(source, decoded);
  EXPECT_TRUE(identical(decoded, direct.reconstruction));
  EXPECT_LT(luma_psnr(source, decoded), 60);  // lossy: the comparison is not trivially source == source
}

INSTANTIATE_TEST_SUITE_P(BitDepths, X265ReconstructionTest, ::testing::Values(8, 10));

}  // namespace
}  // namespace tgvc

#endif  // __has_include(<x265.h>)
