// Odd frame sizes through every codec built here: the decode has the source's geometry, the
// padding an encoder needed is stated (coded size), quality at a high rate is sane, and the
// picture edges (where padding and cropping happen) are as good as the rest.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <string>

#include "codecs/codec.h"
#include "tests/unit/codecs/codec_test_support.h"

namespace tgvc {
namespace {

using testing_support::encode_with;
using testing_support::expect_same_shape;
using testing_support::identical;
using testing_support::moving_pattern;
using testing_support::plane_psnr;
using testing_support::yuv;

struct OddCase {
  int width, height;
  ChromaFormat chroma;
  int bit_depth;
  int x265_width, x265_height;  // what x265 must be given: whole chroma samples (HEVC's rule)
};

std::string name_of(const OddCase& c) {
  return std::to_string(c.width) + "x" + std::to_string(c.height) + "_" + to_string(c.chroma) + "_" +
         std::to_string(c.bit_depth) + "bit";
}

const OddCase kCases[] = {
    {203, 181, ChromaFormat::k420, 8, 204, 182},  {202, 181, ChromaFormat::k420, 8, 202, 182},
    {203, 180, ChromaFormat::k420, 10, 204, 180}, {721, 405, ChromaFormat::k420, 8, 722, 406},
    {203, 181, ChromaFormat::k422, 8, 204, 181},  {203, 182, ChromaFormat::k422, 10, 204, 182},
    {203, 181, ChromaFormat::k444, 8, 203, 181},
};

// High-rate settings: a sane coder is far above the bounds below at these.
std::map<std::string, std::string> high_rate(const std::string& codec) {
  if (codec == "x265") return {{"qp", "16"}, {"preset", "ultrafast"}};
  if (codec == "aom") return {{"cq-level", "10"}, {"cpu-used", "8"}};
  return {};
}

// PSNR of the luma samples in the last column and the last row only, where a padding or
// cropping mistake (a zero fill, an off-by-one crop) would show while barely moving the mean.
double edge_luma_psnr(const Video& reference, const Video& distorted) {
  double squared = 0;
  size_t count = 0;
  for (int f = 0; f < reference.frame_count(); ++f) {
    const Plane& a = reference.frames[f].planes[0];
    const Plane& b = distorted.frames[f].planes[0];
    const auto add = [&](int x, int y) {
      const double d = static_cast<double>(a.at(x, y)) - b.at(x, y);
      squared += d * d;
      ++count;
    };
    for (int y = 0; y < a.height; ++y) add(a.width - 1, y);
    for (int x = 0; x + 1 < a.width; ++x) add(x, a.height - 1);
  }
  if (squared == 0) return std::numeric_limits<double>::infinity();
  const double peak = (1 << reference.info.format.bit_depth) - 1;
  return 10 * std::log10(peak * peak / (squared / count));
}

class OddSizeTest : public ::testing::TestWithParam<std::tuple<std::string, OddCase>> {};

TEST_P(OddSizeTest, DecodeHasTheSourceGeometryAndHighRateQuality) {
  const auto& [codec_id, c] = GetParam();
  const Codec* codec = find_codec(codec_id);
  if (!codec) GTEST_SKIP() << codec_id << " is not built";
  const int frames = c.width > 400 ? 2 : 4;
  const Video source = moving_pattern(c.width, c.height, frames, yuv(c.chroma, c.bit_depth));
  const Encoded encoded = encode_with(*codec, source, high_rate(codec_id));
  EXPECT_EQ(encoded.info.width, c.width);
  EXPECT_EQ(encoded.info.height, c.height);
  if (codec_id == "x265") {
    EXPECT_EQ(encoded.coded_width, c.x265_width);
    EXPECT_EQ(encoded.coded_height, c.x265_height);
  } else {  // AV1 codes any size; raw stores it
    EXPECT_EQ(encoded.coded_width, c.width);
    EXPECT_EQ(encoded.coded_height, c.height);
  }
  const Video decoded = codec->decode(encoded);
  expect_same_shape(source, decoded);
  if (codec_id == "raw") {
    EXPECT_TRUE(identical(source, decoded));
    return;
  }
  EXPECT_GT(plane_psnr(source, decoded, 0), 40);
  for (int p = 1; p < 3; ++p) EXPECT_GT(plane_psnr(source, decoded, p), 38) << "plane " << p;
  EXPECT_GT(edge_luma_psnr(source, decoded), 36);
}

INSTANTIATE_TEST_SUITE_P(Codecs, OddSizeTest,
                         ::testing::Combine(::testing::Values("raw", "x265", "aom"),
                                            ::testing::ValuesIn(kCases)),
                         [](const auto& info) {
                           return std::get<0>(info.param) + "_" + name_of(std::get<1>(info.param));
                         });

}  // namespace
}  // namespace tgvc
