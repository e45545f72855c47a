// Runs the tgvc-bench binary on tiny configs and checks what it writes.
#include <filesystem>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/core/temp_dir.h"
#include "reports/still_frame.h"
#include "tests/integration/test_util.h"

namespace tgvc::testing {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

// 128x80, 8 frames: the raw codec (exact), x265 at two QPs, AV1 at one cq-level and T-GVC.
const char* kTinyConfig = R"(experiment: tiny
frames: {count: 8}
resize: {width: 128, height: 80}
datasets:
  - synthetic: {name: orbit, seed: 3}
codecs:
  - {name: raw, type: raw}
  - {name: hevc, type: x265, params: {preset: ultrafast, keyint: 8}, sweep: {qp: [30, 51]}}
  - {name: av1, type: aom, params: {cpu-used: 8}, sweep: {cq-level: [63]}}
  - {name: tg, type: tgvc, params: {grid: 16}}
metrics: [psnr, msssim]
)";

double number(const std::map<std::string, std::string>& row, const std::string& column) {
  return std::stod(row.at(column));
}

TEST(EndToEnd, TinyConfigWritesResults) {
  const TempDir scratch("tgvc_e2e_");
  const std::string& dir = scratch.path();
  write_text(dir + "/tiny.yaml", kTinyConfig);
  const ProcessResult run = bench({"run", dir + "/tiny.yaml", "--out", dir + "/run", "--jobs", "2"});
  ASSERT_EQ(run.exit_code, 0) << run.output;

  const auto rows = read_csv(dir + "/run/results.csv");
  ASSERT_EQ(rows.size(), 5u);
  for (const auto& row : rows) {
    EXPECT_EQ(row.at("status"), "ok") << row.at("error");
    EXPECT_EQ(row.at("dataset"), "synthetic");
    EXPECT_EQ(row.at("sequence"), "orbit");
    EXPECT_EQ(number(row, "width"), 128);
    EXPECT_EQ(number(row, "height"), 80);
    EXPECT_EQ(number(row, "frames"), 8);
    EXPECT_EQ(number(row, "fps"), 30);
    // bpp and kbps follow from bits at the coded resolution (kilo = 1000).
    EXPECT_DOUBLE_EQ(number(row, "bpp"), number(row, "bits") / (128.0 * 80 * 8));
    EXPECT_DOUBLE_EQ(number(row, "kbps"), number(row, "bits") * 30 / 8 / 1000);
    // MS-SSIM needs more than 160 pixels per side for five scales: n/a, not a number.
    EXPECT_EQ(row.at("msssim_rgb"), "n/a");
  }
  const auto& raw = rows[0];
  EXPECT_EQ(raw.at("codec"), "raw");
  EXPECT_EQ(number(raw, "bits"), 128 * 80 * 1.5 * 8 * 2 * 8);  // 16-bit samples, 4:2:0, 8 frames
  EXPECT_EQ(number(raw, "psnr_y"), 100);                       // exact: the capped value
  const auto& q30 = rows[1];
  const auto& q51 = rows[2];
  EXPECT_EQ(q30.at("rate_point"), "qp=30");
  EXPECT_THAT(q30.at("params"), HasSubstr("preset=ultrafast"));
  EXPECT_GT(number(q30, "bits"), number(q51, "bits"));
  EXPECT_GT(number(q30, "psnr_y"), number(q51, "psnr_y"));
  EXPECT_GT(number(q51, "psnr_y"), 15);
  EXPECT_LT(number(q51, "bpp"), 0.2);
  // Rate components (parameter-set headers, coded video) add up to the bitstream.
  EXPECT_GT(number(q30, "bits_headers"), 0);
  EXPECT_EQ(number(q30, "bits_headers") + number(q30, "bits_video"), number(q30, "bits"));
  EXPECT_LT(number(rows[3], "bpp"), 0.2);
  EXPECT_GT(number(rows[3], "psnr_y"), 15);
  // T-GVC's rate in its four components.
  const auto& tg = rows[4];
  EXPECT_EQ(number(tg, "bits_header") + number(tg, "bits_keyframes") + number(tg, "bits_trajectories") +
                number(tg, "bits_camera_path"),
            number(tg, "bits"));
  EXPECT_GT(number(tg, "bits_keyframes"), number(tg, "bits_header"));

  const auto frames = read_csv(dir + "/run/frames.csv");
  ASSERT_EQ(frames.size(), 5u * 8);
  EXPECT_EQ(frames[8 + 3].at("frame"), "3");
  EXPECT_EQ(frames[8 + 3].at("rate_point"), "qp=30");

  const auto json = nlohmann::json::parse(read_text(dir + "/run/results.json"));
  EXPECT_EQ(json["schema_version"], 1);
  EXPECT_EQ(json["summary"]["cells"], 5);
  EXPECT_EQ(json["provenance"]["config_sha256"].get<std::string>().size(), 64u);
  EXPECT_TRUE(json["provenance"]["libraries"].contains("codec:x265"));
  EXPECT_FALSE(json["provenance"]["git_commit"].get<std::string>().empty());
  EXPECT_EQ(read_text(dir + "/run/config.yaml"), kTinyConfig);
  int cell_files = 0;
  for (const auto& entry : fs::directory_iterator(dir + "/run/cells"))
    cell_files += entry.path().extension() == ".json";
  EXPECT_EQ(cell_files, 5);
  // Stills for the report: each cell's decoded frame nearest its median psnr_y, recorded in its
  // result, and the source frame of the same index.
  EXPECT_TRUE(fs::exists(dir + "/run/cells/synthetic__orbit__hevc__qp=30.png"));
  for (const auto& cell : json["cells"]) {
    if (cell["status"] != "ok") continue;
    ASSERT_TRUE(cell.contains("still")) << cell["cell_id"];
    const int frame = cell["still"]["frame"].get<int>();
    EXPECT_GE(frame, 0);
    EXPECT_LT(frame, 8);
    EXPECT_EQ(cell["still"]["metric"], "psnr_y");
    EXPECT_TRUE(fs::exists(dir + "/run/cells/" + cell["cell_id"].get<std::string>() + ".png"));
    EXPECT_TRUE(fs::exists(dir + "/run/" + still_source_file(cell["dataset"], cell["sequence"], frame)));
  }
}

TEST(EndToEnd, SameConfigGivesIdenticalResultsWhateverTheJobCount) {
  const TempDir scratch("tgvc_det_");
  const std::string& dir = scratch.path();
  write_text(dir + "/tiny.yaml", kTinyConfig);
  ASSERT_EQ(bench({"run", dir + "/tiny.yaml", "--out", dir + "/a", "--jobs", "1", "-q"}).exit_code, 0);
  ASSERT_EQ(bench({"run", dir + "/tiny.yaml", "--out", dir + "/b", "--jobs", "2", "-q"}).exit_code, 0);
  EXPECT_EQ(read_text(dir + "/a/results.csv"), read_text(dir + "/b/results.csv"));
  EXPECT_EQ(read_text(dir + "/a/frames.csv"), read_text(dir + "/b/frames.csv"));
}

TEST(EndToEnd, FailedCellIsARowAndTheExitCodeIsNonZero) {
  const TempDir scratch("tgvc_fail_");
  const std::string& dir = scratch.path();
  write_text(dir + "/f.yaml", R"(experiment: f
frames: {count: 2}
datasets: [{synthetic: {name: s, width: 64, height: 48}}]
codecs: [{type: raw, sweep: {fail: [false, true]}}]
metrics: [psnr]
)");
  const ProcessResult run = bench({"run", dir + "/f.yaml", "--out", dir + "/run", "-q"});
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_THAT(run.output, HasSubstr("1 failed"));
  const auto rows = read_csv(dir + "/run/results.csv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].at("status"), "ok");
  EXPECT_EQ(rows[1].at("status"), "failed");
  EXPECT_EQ(rows[1].at("stage"), "encode");
  EXPECT_THAT(rows[1].at("error"), HasSubstr("failure requested"));
}

// T-GVC's target-bpp choice and coded keyframe size reach results.json and results.csv, also for
// a cell whose bitstream another entry encoded (the blend entry shares the warp entry's encode).
TEST(EndToEnd, EncoderNotesReachTheResults) {
  const TempDir scratch("tgvc_notes_");
  const std::string& dir = scratch.path();
  write_text(dir + "/n.yaml", R"(experiment: n
frames: {count: 6}
datasets: [{synthetic: {name: s, width: 192, height: 128}}]
codecs:
  - {name: warp, type: tgvc, params: {grid: 8, keyframe-scale: 0.5, target-bpp: 0.05}}
  - {name: blend, type: tgvc, params: {grid: 8, keyframe-scale: 0.5, target-bpp: 0.05, generator: blend}}
  - {name: plain, type: tgvc, params: {grid: 8, keyframe-quality: 50}}
metrics: [psnr]
)");
  const ProcessResult run = bench({"run", dir + "/n.yaml", "--out", dir + "/run", "-q", "--jobs", "1"});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto rows = read_csv(dir + "/run/results.csv");
  ASSERT_EQ(rows.size(), 3u);
  for (int r : {0, 1}) {
    EXPECT_THAT(rows[r].at("encoder_notes"), HasSubstr("keyframe-quality="));
    EXPECT_THAT(rows[r].at("encoder_notes"), HasSubstr("keyframe-size=96x64;target-bpp=met"));
    EXPECT_LE(std::stod(rows[r].at("bpp")), 0.05);
  }
  EXPECT_EQ(rows[0].at("encoder_notes"), rows[1].at("encoder_notes"));
  EXPECT_EQ(rows[2].at("encoder_notes"), "");
  const auto results = nlohmann::json::parse(read_text(dir + "/run/results.json"));
  int with_notes = 0;
  for (const auto& cell : results.at("cells")) {
    if (!cell.contains("encoder_notes")) continue;
    ++with_notes;
    EXPECT_EQ(cell.at("encoder_notes").at("keyframe-size"), "96x64");
  }
  EXPECT_EQ(with_notes, 2);
}

TEST(EndToEnd, UnreadableSequenceFailsItsCellsOnly) {
  const TempDir scratch("tgvc_bad_");
  const std::string& dir = scratch.path();
  write_text(dir + "/broken.mp4", "this is not a video");
  write_text(dir + "/b.yaml", R"(experiment: b
frames: {count: 2}
datasets:
  - file: {path: broken.mp4}
  - synthetic: {name: s, width: 64, height: 48}
codecs: [{type: raw}]
)");
  const ProcessResult run = bench({"run", dir + "/b.yaml", "--out", dir + "/run", "-q"});
  EXPECT_EQ(run.exit_code, 1) << run.output;
  const auto rows = read_csv(dir + "/run/results.csv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].at("stage"), "load");
  EXPECT_THAT(rows[0].at("error"), HasSubstr("broken.mp4"));
  EXPECT_EQ(rows[1].at("status"), "ok");
}

}  // namespace
}  // namespace tgvc::testing
