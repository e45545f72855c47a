// `tgvc-bench measure` reads both videos in the reference's matrix and range. tests/data/
// untagged_64x48.mkv is two frames of FFmpeg's testsrc2, FFV1 4:2:0 with no colour tags
// (`ffmpeg -f lavfi -i testsrc2=size=64x48 -frames:v 2 -c:v ffv1 -pix_fmt yuv420p`): FFmpeg
// reads it as BT.601 (below 720 lines), while its samples rewritten as Y4M read back as BT.709.
#include <cmath>
#include <filesystem>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/core/colour.h"
#include "harness/core/temp_dir.h"
#include "harness/io/png_writer.h"
#include "harness/io/video_reader.h"
#include "harness/io/y4m_writer.h"
#include "tests/integration/test_util.h"
#include "tests/unit/metrics/reference_inputs.h"

namespace tgvc::testing {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

TEST(MeasureColour, SameSamplesInAFileWithoutAMatrixMeasureAsIdentical) {
  const std::string source = std::string(TGVC_TEST_DATA_DIR) + "/untagged_64x48.mkv";
  const TempDir scratch("tgvc_measure_colour_");
  const std::string& dir = scratch.path();
  const std::string copy = dir + "/copy.y4m";
  const Video video = read_video(source);
  ASSERT_EQ(video.info.colour.matrix, Matrix::kBt601);
  write_y4m(copy, video);
  ASSERT_EQ(read_video(copy).info.colour.matrix, Matrix::kBt709);

  for (const auto& [ref, dist] : {std::pair{source, copy}, std::pair{copy, source}}) {
    const ProcessResult r = bench({"measure", ref, dist, "--metrics", "psnr"});
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const nlohmann::json json = nlohmann::json::parse(r.output);
    // Identical samples: every PSNR at the 100 dB cap, RGB included.
    for (const char* name : {"psnr_y", "psnr_u", "psnr_v", "psnr_rgb", "psnr_rgb_msepool"}) {
      EXPECT_EQ(json["metrics"][name]["value"].get<double>(), 100.0) << name << " " << ref;
    }
    const std::string colour = json["colour"].get<std::string>();
    EXPECT_THAT(colour, HasSubstr("(the reference's); the distorted file read as "));
    EXPECT_THAT(colour, HasSubstr(ref == source ? "bt601 limited range (the reference's)"
                                                : "bt709 limited range (the reference's)"));
  }
}

// A PNG reference against a YUV 4:4:4 Y4M of its distorted image (what `tgvc-bench decode` writes
// for an RGB source): with --yuv-to-rgb the Y4M is converted back with the reference's BT.601
// limited range (below 720 lines), and psnr_rgb is that of the round-tripped pixels, computed here
// by a direct loop; without it the two colour families are an error.
TEST(MeasureColour, YuvOutputOfAnRgbSourceIsComparedInRgbOnRequest) {
  const TempDir scratch("tgvc_measure_yuv_to_rgb_");
  const std::string& dir = scratch.path();
  const ImagePair pair = reference_image_pair(203, 181);
  const ColourSpec spec{Matrix::kBt601, Range::kLimited};
  Video yuv;
  yuv.info.width = 203;
  yuv.info.height = 181;
  yuv.info.format = {ChromaFormat::k444, 8, ColourFamily::kYuv};
  yuv.frames.push_back(rgb_to_yuv(pair.dist, spec, ChromaFormat::k444, 8));
  write_png(dir + "/ref.png", pair.ref, {});
  write_y4m(dir + "/dist.y4m", yuv);
  EXPECT_EQ(bench({"measure", dir + "/ref.png", dir + "/dist.y4m", "--metrics", "psnr"}).exit_code, 2);

  const ProcessResult r =
      bench({"measure", dir + "/ref.png", dir + "/dist.y4m", "--metrics", "psnr", "--yuv-to-rgb"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json json = nlohmann::json::parse(r.output);
  const Frame back = yuv_to_rgb(yuv.frames[0], spec, 8);
  double sse = 0;
  for (int c = 0; c < 3; ++c) {
    for (size_t i = 0; i < back.planes[c].samples.size(); ++i) {
      const double d = double(back.planes[c].samples[i]) - pair.ref.planes[c].samples[i];
      sse += d * d;
    }
  }
  const double expected = 10 * std::log10(255.0 * 255.0 / (sse / (3.0 * 203 * 181)));
  EXPECT_NEAR(json["metrics"]["psnr_rgb"]["value"].get<double>(), expected, 1e-9);
  // The round trip moves a sample by at most 2 codes, so the value stays near the pair's own.
  const double direct = reference_vectors()["images"]["img_odd_3x181x203"]["psnr_rgb_pooled"].get<double>();
  EXPECT_NEAR(expected, direct, 0.5);
  EXPECT_EQ(json["distorted_conversion"].get<std::string>(),
            "YUV 444 8-bit -> RGB 8-bit (bt601 limited range, chroma by sample replication)");
}

}  // namespace
}  // namespace tgvc::testing
