// `tgvc-bench measure` reads both inputs frame by frame: its values agree with FFmpeg's psnr filter
// (an independent implementation) and with every thread count, in every container, and a clip that
// ends before the other is an input error that names it.
#include <filesystem>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/core/temp_dir.h"
#include "tests/integration/test_util.h"

namespace tgvc::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr const char* kVtest = "/usr/share/doc/opencv-doc/examples/data/vtest.avi";

// Frames 0..count-1 of vtest at 192x176 (MS-SSIM needs a side above 160), and a noisy copy.
void make_clips(const std::string& dir, int count) {
  ASSERT_EQ(run_process({"/usr/bin/ffmpeg", "-v", "error", "-i", kVtest, "-vf", "scale=192:176", "-frames:v",
                         std::to_string(count), "-pix_fmt", "yuv420p", dir + "/ref.y4m"})
                .exit_code,
            0);
  ASSERT_EQ(run_process({"/usr/bin/ffmpeg", "-v", "error", "-i", dir + "/ref.y4m", "-vf",
                         "noise=alls=10:allf=t", "-c:v", "ffv1", dir + "/dist.mkv"})
                .exit_code,
            0);
}

TEST(MeasureStream, ValuesDoNotDependOnThreadsAndAgreeWithFfmpeg) {
  const TempDir scratch("tgvc_measure_stream_");
  const std::string& dir = scratch.path();
  make_clips(dir, 7);
  const std::string ref = dir + "/ref.y4m", dist = dir + "/dist.mkv";
  const std::vector<std::string> args = {"measure",          ref,           dist,       "--metrics",
                                         "psnr,msssim,ssim", "--per-frame", "--option", "ssim.colour=y"};
  std::vector<std::string> one = args, four = args;
  one.insert(one.end(), {"--threads", "1"});
  four.insert(four.end(), {"--threads", "4"});
  const ProcessResult serial = bench(one);
  const ProcessResult parallel = bench(four);
  ASSERT_EQ(serial.exit_code, 0) << serial.output;
  ASSERT_EQ(parallel.exit_code, 0) << parallel.output;
  EXPECT_EQ(serial.output, parallel.output);  // every digit
  const auto json = nlohmann::json::parse(serial.output);
  EXPECT_EQ(json["frames"], 7);
  const auto theirs = ffmpeg_plane_psnrs(ref, dist, dir + "/psnr.log");
  ASSERT_EQ(theirs.size(), 7u);
  for (size_t frame = 0; frame < theirs.size(); ++frame) {
    for (const auto& [plane, value] : theirs[frame]) {
      EXPECT_NEAR(json["metrics"][plane]["per_frame"][frame].get<double>(), value, 0.01)
          << plane << " " << frame;
    }
  }
  EXPECT_EQ(json["metrics"]["msssim_rgb"]["per_frame"].size(), 7u);
  EXPECT_FALSE(json["metrics"]["msssim_rgb"].contains("n/a"));
  // A frame range reads the same frames from both files.
  const ProcessResult range = bench({"measure", ref, dist, "--metrics", "psnr", "--per-frame", "--start", "2",
                                     "--frames", "3", "--threads", "2"});
  ASSERT_EQ(range.exit_code, 0) << range.output;
  const auto part = nlohmann::json::parse(range.output);
  ASSERT_EQ(part["metrics"]["psnr_y"]["per_frame"].size(), 3u);
  for (size_t frame = 0; frame < 3; ++frame) {
    EXPECT_EQ(part["metrics"]["psnr_y"]["per_frame"][frame],
              json["metrics"]["psnr_y"]["per_frame"][frame + 2]);
  }
}

TEST(MeasureStream, AClipThatEndsEarlyIsAnInputErrorNamingIt) {
  const TempDir scratch("tgvc_measure_short_");
  const std::string& dir = scratch.path();
  make_clips(dir, 6);
  const std::string ref = dir + "/ref.y4m";
  const std::string short_clip = dir + "/short.y4m";
  ASSERT_EQ(
      run_process({"/usr/bin/ffmpeg", "-v", "error", "-i", ref, "-frames:v", "4", short_clip}).exit_code, 0);
  for (const std::string threads : {"1", "3"}) {
    const ProcessResult shorter_dist =
        bench({"measure", ref, short_clip, "--metrics", "psnr", "--threads", threads});
    EXPECT_EQ(shorter_dist.exit_code, 2) << shorter_dist.output;
    EXPECT_THAT(shorter_dist.output, HasSubstr(short_clip + ": expected 6 frames"));
    EXPECT_THAT(shorter_dist.output, HasSubstr("found 4 frames (it ends early)"));
    // The shorter reference, with a metric that needs the whole clips: the same error, nothing measured.
    const ProcessResult shorter_ref = bench({"measure", short_clip, dir + "/dist.mkv", "--metrics",
                                             "psnr,trajectory_error", "--threads", threads});
    EXPECT_EQ(shorter_ref.exit_code, 2) << shorter_ref.output;
    EXPECT_THAT(shorter_ref.output,
                HasSubstr(short_clip + ": expected 6 frames, as many as the distorted video"));
  }
}

}  // namespace
}  // namespace tgvc::testing
