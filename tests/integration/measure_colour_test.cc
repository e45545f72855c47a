// `tgvc-bench measure` reads both videos in the reference's matrix and range. tests/data/
// untagged_64x48.mkv is two frames of FFmpeg's testsrc2, FFV1 4:2:0 with no colour tags
// (`ffmpeg -f lavfi -i testsrc2=size=64x48 -frames:v 2 -c:v ffv1 -pix_fmt yuv420p`): FFmpeg
// reads it as BT.601 (below 720 lines), while its samples rewritten as Y4M read back as BT.709.
#include <filesystem>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/io/video_reader.h"
#include "harness/io/y4m_writer.h"
#include "tests/integration/test_util.h"

namespace tgvc::testing {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

TEST(MeasureColour, SameSamplesInAFileWithoutAMatrixMeasureAsIdentical) {
  const std::string source = std::string(TGVC_TEST_DATA_DIR) + "/untagged_64x48.mkv";
  const std::string dir = make_temp_dir("tgvc_measure_colour_");
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
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tgvc::testing
