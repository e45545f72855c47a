// `tgvc-bench measure` on odd-size 4:2:0 Y4M files: the Y, U and V PSNRs of FFmpeg's psnr filter
// (an independent implementation that also rounds chroma up: 17x11 for 33x21).
#include <filesystem>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/core/temp_dir.h"
#include "tests/integration/test_util.h"

namespace tgvc::testing {
namespace {

namespace fs = std::filesystem;

TEST(MeasureOdd, Yuv420OddSizeAgreesWithFfmpegPsnrFilter) {
  const std::string vtest = "/usr/share/doc/opencv-doc/examples/data/vtest.avi";
  const TempDir scratch("tgvc_measure_odd_");
  const std::string& dir = scratch.path();
  const std::string ref = dir + "/ref.y4m", dist = dir + "/dist.y4m";
  // Frames 0-2 against 1-3 of vtest, scaled to 101x75.
  ASSERT_EQ(run_process({"/usr/bin/ffmpeg", "-v", "error", "-i", vtest, "-vf", "scale=101:75", "-frames:v",
                         "3", "-pix_fmt", "yuv420p", ref})
                .exit_code,
            0);
  ASSERT_EQ(run_process({"/usr/bin/ffmpeg", "-v", "error", "-i", vtest, "-vf",
                         "select=gte(n\\,1),scale=101:75", "-frames:v", "3", "-pix_fmt", "yuv420p", dist})
                .exit_code,
            0);
  const ProcessResult ours = bench({"measure", ref, dist, "--metrics", "psnr,msssim", "--per-frame"});
  ASSERT_EQ(ours.exit_code, 0) << ours.output;
  const auto json = nlohmann::json::parse(ours.output);
  EXPECT_EQ(json["width"], 101);
  EXPECT_EQ(json["height"], 75);
  const auto theirs = ffmpeg_plane_psnrs(ref, dist, dir + "/psnr.log");
  ASSERT_EQ(theirs.size(), 3u);
  for (size_t frame = 0; frame < theirs.size(); ++frame) {
    for (const auto& [plane, value] : theirs[frame]) {
      EXPECT_NEAR(json["metrics"][plane]["per_frame"][frame].get<double>(), value, 0.01)
          << plane << " " << frame;
    }
  }
  // MS-SSIM needs the shorter side > 160: n/a here, with the reason, not an error.
  EXPECT_TRUE(json["metrics"]["msssim_rgb"].contains("n/a"));
}

}  // namespace
}  // namespace tgvc::testing
