// RGB sources through the codecs (codecs/source_colour.h): coded as YUV 4:4:4 with the source's
// matrix and range, decoded back to RGB of the source's depth.
#include "codecs/source_colour.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "harness/core/colour.h"
#include "tests/unit/codecs/codec_test_support.h"

namespace tgvc {
namespace {

using ::testing::HasSubstr;
using testing_support::expect_same_shape;
using testing_support::moving_pattern;
using testing_support::yuv;

// A smooth moving RGB pattern at full `bit_depth` precision (16-bit values are not 8-bit ones
// shifted), odd-sized on purpose.
Video rgb_pattern(int width, int height, int frames, int bit_depth, ColourSpec spec) {
  Video v;
  v.info.width = width;
  v.info.height = height;
  v.info.format = {ChromaFormat::k444, bit_depth, ColourFamily::kRgb};
  v.info.fps = {30, 1};
  v.info.colour = spec;
  const double max = (1 << bit_depth) - 1;
  for (int t = 0; t < frames; ++t) {
    Frame f = Frame::allocate(width, height, v.info.format);
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x) {
        const double u = x - 1.5 * t, w = y + 0.5 * t;
        const double r = 0.5 + 0.4 * std::sin(u / 9.0) * std::cos(w / 13.0);
        const double g = 0.5 + 0.35 * std::sin((u + w) / 17.0);
        const double b = 0.45 + 0.4 * std::cos(u / 23.0 - w / 11.0);
        f.planes[0].at(x, y) = static_cast<uint16_t>(std::lround(r * max));
        f.planes[1].at(x, y) = static_cast<uint16_t>(std::lround(g * max));
        f.planes[2].at(x, y) = static_cast<uint16_t>(std::lround(b * max));
      }
    }
    v.frames.push_back(std::move(f));
  }
  return v;
}

// PSNR over the three RGB planes together (pooled MSE), peak 2^depth - 1.
double rgb_psnr(const Video& a, const Video& b) {
  double squared = 0;
  size_t count = 0;
  for (int f = 0; f < a.frame_count(); ++f) {
    for (int p = 0; p < 3; ++p) {
      for (size_t i = 0; i < a.frames[f].planes[p].samples.size(); ++i) {
        const double d =
            static_cast<double>(a.frames[f].planes[p].samples[i]) - b.frames[f].planes[p].samples[i];
        squared += d * d;
        ++count;
      }
    }
  }
  if (squared == 0) return std::numeric_limits<double>::infinity();
  const double peak = (1 << a.info.format.bit_depth) - 1;
  return 10 * std::log10(peak * peak / (squared / count));
}

int worst_error(const Video& a, const Video& b, int plane) {
  int worst = 0;
  for (int f = 0; f < a.frame_count(); ++f) {
    const std::vector<uint16_t>& x = a.frames[f].planes[plane].samples;
    const std::vector<uint16_t>& y = b.frames[f].planes[plane].samples;
    for (size_t i = 0; i < x.size(); ++i) worst = std::max(worst, std::abs(int{x[i]} - int{y[i]}));
  }
  return worst;
}

const ColourSpec kBt709Limited{Matrix::kBt709, Range::kLimited};

TEST(RgbSource, YuvSourcesPassUnconverted) {
  const Codec& raw = *find_codec("raw");
  const Video source = moving_pattern(33, 17, 2, yuv(ChromaFormat::k420, 8));
  const Encoded e = encode_source(raw, source, ParamSet::resolve(raw.param_specs(), {}, "raw"));
  EXPECT_FALSE(e.conversion.applied);
  EXPECT_EQ(describe(e.conversion), "");
  EXPECT_TRUE(testing_support::identical(decode_for_source(raw, e), source));
}

TEST(RgbSource, FormatIsFourFourFourAtTheCodecsNearestDepth) {
  const Codec& raw = *find_codec("raw");
  EXPECT_EQ(yuv_format_for_rgb(raw, 8), (PixelFormat{ChromaFormat::k444, 8, ColourFamily::kYuv}));
  EXPECT_EQ(yuv_format_for_rgb(raw, 16), (PixelFormat{ChromaFormat::k444, 16, ColourFamily::kYuv}));
  for (const char* id : {"x265", "aom", "tgvc"}) {
    const Codec* codec = find_codec(id);
    if (!codec) continue;
    EXPECT_EQ(yuv_format_for_rgb(*codec, 8).bit_depth, 8) << id;
    EXPECT_EQ(yuv_format_for_rgb(*codec, 16).bit_depth, 10) << id;
    EXPECT_EQ(yuv_format_for_rgb(*codec, 16).chroma, ChromaFormat::k444) << id;
  }
}

// The raw codec stores the YUV exactly, so its error is the conversion's alone. 8-bit BT.709
// limited range: Y is quantised to 1/219, Cb and Cr to 1/224 of the range, so before the final
// rounding R is off by at most (0.5/219 + 1.5748 * 0.5/224) * 255 = 1.48 codes, G by 0.96
// (Cb 0.1873, Cr 0.4681) and B by 1.64 (Cb 1.8556): after rounding at most 1, 1 and 2.
TEST(RgbSource, EightBitRoundTripErrorIsTheConversionsBound) {
  const Codec& raw = *find_codec("raw");
  const Video source = rgb_pattern(67, 45, 3, 8, kBt709Limited);
  const Encoded e = encode_source(raw, source, ParamSet::resolve(raw.param_specs(), {}, "raw"));
  ASSERT_TRUE(e.conversion.applied);
  EXPECT_EQ(e.info.format, (PixelFormat{ChromaFormat::k444, 8, ColourFamily::kYuv}));
  EXPECT_EQ(describe(e.conversion),
            "RGB 8-bit -> YUV 4:4:4 8-bit (bt709 limited range, no chroma subsampling) -> RGB 8-bit");
  const Video decoded = decode_for_source(raw, e);
  expect_same_shape(source, decoded);
  EXPECT_LE(worst_error(source, decoded, 0), 1);
  EXPECT_LE(worst_error(source, decoded, 1), 1);
  EXPECT_LE(worst_error(source, decoded, 2), 2);
  EXPECT_GE(worst_error(source, decoded, 2), 1);  // the conversion really happened
  EXPECT_GT(rgb_psnr(source, decoded), 45.1);     // what the bounds imply: MSE <= (1 + 1 + 4) / 3
}

TEST(RgbSource, SixteenBitRoundTripStaysSixteenBit) {
  const Codec& raw = *find_codec("raw");
  const Video source = rgb_pattern(31, 20, 2, 16, {Matrix::kBt601, Range::kFull});
  const Encoded e = encode_source(raw, source, ParamSet::resolve(raw.param_specs(), {}, "raw"));
  EXPECT_EQ(e.info.format.bit_depth, 16);
  EXPECT_THAT(describe(e.conversion), HasSubstr("bt601 full range"));
  const Video decoded = decode_for_source(raw, e);
  expect_same_shape(source, decoded);
  for (int p = 0; p < 3; ++p) EXPECT_LE(worst_error(source, decoded, p), 2) << "plane " << p;
}

struct LossyCase {
  const char* codec;
  std::map<std::string, std::string> near_lossless;
};

class RgbThroughCodecTest : public ::testing::TestWithParam<std::tuple<LossyCase, int>> {};

TEST_P(RgbThroughCodecTest, ReconstructionIsRgbOfTheSourceDepthAndClose) {
  const auto& [c, depth] = GetParam();
  const Codec* codec = find_codec(c.codec);
  if (!codec) GTEST_SKIP() << c.codec << " is not built";
  const Video source = rgb_pattern(129, 97, 3, depth, kBt709Limited);
  const Encoded e =
      encode_source(*codec, source, ParamSet::resolve(codec->param_specs(), c.near_lossless, c.codec));
  ASSERT_TRUE(e.conversion.applied);
  EXPECT_EQ(e.info.format.bit_depth, depth == 8 ? 8 : 10);
  const Video decoded = decode_for_source(*codec, e);
  expect_same_shape(source, decoded);
  EXPECT_GT(rgb_psnr(source, decoded), 44) << describe(e.conversion);
  if (depth == 16) {  // RGB of 16 bits from 10-bit YUV: values between the 8-bit levels
    int off_grid = 0;
    for (uint16_t s : decoded.frames[0].planes[1].samples) off_grid += (s & 0xff) != 0;
    EXPECT_GT(off_grid, static_cast<int>(decoded.frames[0].planes[1].samples.size()) / 2);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Codecs, RgbThroughCodecTest,
    ::testing::Combine(::testing::Values(LossyCase{"x265", {{"qp", "2"}, {"preset", "ultrafast"}}},
                                         LossyCase{"aom", {{"cq-level", "2"}, {"cpu-used", "8"}}}),
                       ::testing::Values(8, 16)),
    [](const auto& info) {
      return std::string(std::get<0>(info.param).codec) + "_" + std::to_string(std::get<1>(info.param)) +
             "bit";
    });

}  // namespace
}  // namespace tgvc
