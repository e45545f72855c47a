// T-GVC on sources its keyframe codecs cannot take as they are: odd sizes (x265 pads, AV1 codes
// them) and RGB (codecs/source_colour.h converts), through tracking and every generator.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "codecs/source_colour.h"
#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "codecs/tgvc/tgvc_codec.h"
#include "codecs/tgvc/tgvc_encoder.h"
#include "datasets/synthetic/synthetic_sequence.h"
#include "harness/core/colour.h"
#include "harness/core/frame_padding.h"
#include "harness/io/resize.h"

namespace tgvc {
namespace {

// The synthetic scene at any size: rendered at the next even size (the generator's rule) and
// cropped.
Video synthetic(int width, int height, int frames) {
  SyntheticSpec spec;
  spec.scene = "orbit";
  spec.seed = 3;
  spec.width = width + width % 2;
  spec.height = height + height % 2;
  spec.frame_count = frames;
  return crop_video(SyntheticSequence(spec).render_range(0, frames), width, height);
}

ParamSet params(std::map<std::string, std::string> given) {
  return ParamSet::resolve(TgvcCodec().param_specs(), given, "tgvc");
}

// PSNR of one frame over `planes` planes (pooled MSE), peak 2^depth - 1.
double frame_psnr(const Frame& a, const Frame& b, int planes) {
  double squared = 0;
  size_t count = 0;
  for (int p = 0; p < planes; ++p) {
    for (size_t i = 0; i < a.planes[p].samples.size(); ++i) {
      const double d = static_cast<double>(a.planes[p].samples[i]) - b.planes[p].samples[i];
      squared += d * d;
      ++count;
    }
  }
  if (squared == 0) return std::numeric_limits<double>::infinity();
  const double peak = a.max_value();
  return 10 * std::log10(peak * peak / (squared / count));
}

void expect_geometry(const Video& source, const Video& decoded) {
  ASSERT_EQ(decoded.frame_count(), source.frame_count());
  EXPECT_EQ(decoded.info.width, source.info.width);
  EXPECT_EQ(decoded.info.height, source.info.height);
  EXPECT_EQ(decoded.info.format, source.info.format);
  for (const Frame& f : decoded.frames) {
    ASSERT_EQ(f.format, source.info.format);
    for (int p = 0; p < 3; ++p) {
      ASSERT_EQ(f.planes[p].width, source.frames[0].planes[p].width);
      ASSERT_EQ(f.planes[p].height, source.frames[0].planes[p].height);
    }
  }
}

class TgvcOddSizeTest : public ::testing::TestWithParam<std::tuple<const char*, ChromaFormat>> {};

TEST_P(TgvcOddSizeTest, EveryGeneratorKeepsTheOddGeometry) {
  const auto& [keyframe_codec, chroma] = GetParam();
  if (!find_codec(keyframe_codec)) GTEST_SKIP() << keyframe_codec << " is not built";
  const Video source = convert_pixel_format(synthetic(203, 181, 8), {chroma, 8, ColourFamily::kYuv});
  const std::string quality = std::string(keyframe_codec) == "x265" ? "12" : "8";
  const TgvcCodec codec;
  const Encoded e = codec.encode(
      source, params({{"keyframe-codec", keyframe_codec}, {"keyframe-quality", quality}, {"grid", "16"}}));
  EXPECT_EQ(e.coded_width, 203);
  EXPECT_EQ(e.coded_height, 181);
  const std::vector<int> keyframes = read_tgvc(e.bitstream, "odd").keyframes;
  ASSERT_GE(keyframes.size(), 2u);
  for (const char* generator : {"warp", "blend"}) {
    SCOPED_TRACE(generator);
    const Video decoded = tgvc_decode(e.bitstream, "odd", generator);
    expect_geometry(source, decoded);
    for (int i : keyframes)
      EXPECT_GT(frame_psnr(source.frames[i], decoded.frames[i], 1), 38) << "keyframe " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(KeyframeCodecs, TgvcOddSizeTest,
                         ::testing::Combine(::testing::Values("x265", "aom"),
                                            ::testing::Values(ChromaFormat::k420, ChromaFormat::k422)),
                         [](const auto& info) {
                           return std::string(std::get<0>(info.param)) + "_" +
                                  to_string(std::get<1>(info.param));
                         });

// An RGB source (8- and 16-bit) coded by tgvc through the shared adapter: the reconstruction is
// RGB of the source's depth; the keyframes, coded nearly losslessly, come back close.
TEST(TgvcSources, RgbSourcesComeBackAsRgbOfTheirDepth) {
  const TgvcCodec codec;
  const Video yuv = convert_pixel_format(synthetic(161, 97, 8), {ChromaFormat::k444, 8, ColourFamily::kYuv});
  for (int depth : {8, 16}) {
    SCOPED_TRACE(std::to_string(depth) + "-bit");
    Video rgb;
    rgb.info = yuv.info;
    rgb.info.format = {ChromaFormat::k444, depth, ColourFamily::kRgb};
    for (const Frame& f : yuv.frames) {
      Frame r = yuv_to_rgb(f, yuv.info.colour);
      for (Plane& p : r.planes) {
        for (uint16_t& s : p.samples) s = static_cast<uint16_t>(s << (depth - 8) | (depth > 8 ? s : 0));
      }
      r.format.bit_depth = depth;
      rgb.frames.push_back(std::move(r));
    }
    const Encoded e = encode_source(codec, rgb, params({{"keyframe-quality", "2"}, {"grid", "16"}}));
    ASSERT_TRUE(e.conversion.applied);
    EXPECT_EQ(e.info.format, (PixelFormat{ChromaFormat::k444, depth == 8 ? 8 : 10, ColourFamily::kYuv}));
    const Video decoded = decode_for_source(codec, e);
    expect_geometry(rgb, decoded);
    EXPECT_GT(frame_psnr(rgb.frames[0], decoded.frames[0], 3), 40);
    EXPECT_GT(frame_psnr(rgb.frames[7], decoded.frames[7], 3), 40);
  }
}

}  // namespace
}  // namespace tgvc
