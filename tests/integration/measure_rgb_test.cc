// `tgvc-bench measure` on PNG pairs and PNG folders: RGB is measured as RGB, so the numbers are
// pytorch-msssim's and a plain RGB PSNR's (tests/data/vectors.json, images.*) to 1e-9.
#include <filesystem>
#include <string>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/core/temp_dir.h"
#include "harness/io/png_writer.h"
#include "harness/io/y4m_writer.h"
#include "tests/integration/test_util.h"
#include "tests/unit/metrics/reference_inputs.h"

namespace tgvc::testing {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

nlohmann::json measure_json(const std::vector<std::string>& args) {
  std::vector<std::string> all = {"measure"};
  all.insert(all.end(), args.begin(), args.end());
  const ProcessResult r = bench(all);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return r.exit_code == 0 ? nlohmann::json::parse(r.output) : nlohmann::json::object();
}

TEST(MeasureRgb, PngPairReproducesTheReferenceVectors) {
  const TempDir scratch("tgvc_measure_png_");
  const std::string& dir = scratch.path();
  for (const auto& [name, width, height] :
       {std::tuple{"img_even_3x192x256", 256, 192}, std::tuple{"img_odd_3x181x203", 203, 181}}) {
    const ImagePair pair = reference_image_pair(width, height);
    const std::string ref = dir + "/" + name + "_ref.png", dist = dir + "/" + name + "_dist.png";
    write_png(ref, pair.ref, {});
    write_png(dist, pair.dist, {});
    const nlohmann::json json = measure_json({ref, dist, "--metrics", "psnr,msssim"});
    const nlohmann::json& expected = reference_vectors()["images"][name];
    const nlohmann::json& m = json["metrics"];
    EXPECT_EQ(json["width"], width);
    EXPECT_NEAR(m["psnr_rgb_msepool"]["value"].get<double>(), expected["psnr_rgb_pooled"].get<double>(), 1e-9)
        << name;
    EXPECT_NEAR(m["psnr_rgb"]["value"].get<double>(), expected["psnr_rgb_pooled"].get<double>(), 1e-9)
        << name;
    EXPECT_NEAR(m["msssim_rgb"]["value"].get<double>(), expected["msssim_vainf"].get<double>(), 1e-9) << name;
    EXPECT_THAT(m["msssim_rgb"]["convention"].get<std::string>(), HasSubstr("mean over R, G, B"));
    // Y of an RGB pair is that of the stated conversion (BT.601 below 720 lines, limited range).
    EXPECT_THAT(m["psnr_y"]["convention"].get<std::string>(), HasSubstr("YUV 4:4:4 (bt601 limited range"));
  }
}

// An RGB reference and a YUV distorted video of the same size are not compared silently through a
// guessed conversion: the error names both colour families.
TEST(MeasureRgb, RgbAgainstYuvIsAnErrorThatSaysSo) {
  const TempDir scratch("tgvc_measure_mixed_");
  const std::string& dir = scratch.path();
  const ImagePair pair = reference_image_pair(203, 181);
  write_png(dir + "/ref.png", pair.ref, {});
  Video yuv;
  yuv.info.width = 203;
  yuv.info.height = 181;
  yuv.info.format = {ChromaFormat::k444, 8, ColourFamily::kYuv};
  yuv.frames.push_back(Frame::allocate(203, 181, yuv.info.format, 128));
  write_y4m(dir + "/dist.y4m", yuv);
  const ProcessResult r = bench({"measure", dir + "/ref.png", dir + "/dist.y4m"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("203x181 RGB 444 8-bit"));
  EXPECT_THAT(r.output, HasSubstr("203x181 YUV 444 8-bit"));
}

// Two DCVC-style folders of three frames: one value per frame, frame f's being the single-image
// value of pair f (the same image pair with its channels rotated by f).
TEST(MeasureRgb, ImageFoldersAreSequences) {
  const TempDir scratch("tgvc_measure_folder_");
  const std::string& dir = scratch.path();
  fs::create_directories(dir + "/ref");
  fs::create_directories(dir + "/dist");
  const ImagePair pair = reference_image_pair(203, 181);
  for (int f = 0; f < 3; ++f) {
    Frame ref = pair.ref, dist = pair.dist;
    for (int c = 0; c < 3; ++c) {
      ref.planes[c] = pair.ref.planes[(c + f) % 3];
      dist.planes[c] = pair.dist.planes[(c + f) % 3];
    }
    write_png(fmt::format("{}/ref/im{:05d}.png", dir, f + 1), ref, {});
    write_png(fmt::format("{}/dist/im{:05d}.png", dir, f + 1), dist, {});
  }
  const nlohmann::json json =
      measure_json({dir + "/ref", dir + "/dist", "--metrics", "psnr,msssim", "--per-frame"});
  EXPECT_EQ(json["frames"], 3);
  const double msssim = reference_vectors()["images"]["img_odd_3x181x203"]["msssim_vainf"].get<double>();
  const double psnr = reference_vectors()["images"]["img_odd_3x181x203"]["psnr_rgb_pooled"].get<double>();
  ASSERT_EQ(json["metrics"]["msssim_rgb"]["per_frame"].size(), 3u);
  for (int f = 0; f < 3; ++f) {
    EXPECT_NEAR(json["metrics"]["msssim_rgb"]["per_frame"][f].get<double>(), msssim, 1e-9) << f;
    EXPECT_NEAR(json["metrics"]["psnr_rgb"]["per_frame"][f].get<double>(), psnr, 1e-9) << f;
  }
  // The same folders through a printf pattern, from the second frame on.
  const nlohmann::json pattern =
      measure_json({dir + "/ref/im%05d.png", dir + "/dist/im%05d.png", "--metrics", "psnr", "--start", "1"});
  EXPECT_EQ(pattern["frames"], 2);
}

}  // namespace
}  // namespace tgvc::testing
