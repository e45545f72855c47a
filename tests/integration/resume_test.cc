// A run killed with SIGKILL resumes without losing or corrupting any finished cell.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/core/temp_dir.h"
#include "tests/integration/test_util.h"

namespace tgvc::testing {
namespace {

namespace fs = std::filesystem;

// Twelve x265 cells of a few hundred milliseconds each, one at a time.
const char* kConfig = R"(experiment: resume
frames: {count: 12}
datasets:
  - synthetic: {name: a, width: 192, height: 128, seed: 1}
  - synthetic: {name: b, width: 192, height: 128, seed: 2, scene: crossing}
codecs:
  - {type: x265, params: {preset: slow, keyint: 12}, sweep: {qp: [30, 34, 38, 42, 46, 51]}}
metrics: [psnr]
jobs: 1
)";

int finished_cells(const std::string& cells_dir) {
  int n = 0;
  if (!fs::exists(cells_dir)) return 0;
  for (const auto& e : fs::directory_iterator(cells_dir)) n += e.path().extension() == ".json";
  return n;
}

TEST(Resume, KilledRunResumesWithoutLosingOrCorruptingCells) {
  const TempDir scratch("tgvc_resume_");
  const std::string& dir = scratch.path();
  write_text(dir + "/r.yaml", kConfig);
  const std::string run_dir = dir + "/run";
  const int pid = start_process({TGVC_BENCH_BINARY, "run", dir + "/r.yaml", "--out", run_dir});
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (finished_cells(run_dir + "/cells") < 3 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the run finished before it could be killed";

  // Every result file present is complete and valid.
  const int finished = finished_cells(run_dir + "/cells");
  ASSERT_GE(finished, 3);
  ASSERT_LT(finished, 12);
  std::map<std::string, std::string> before;
  for (const auto& e : fs::directory_iterator(run_dir + "/cells")) {
    if (e.path().extension() != ".json") continue;
    const std::string text = read_text(e.path().string());
    const auto json = nlohmann::json::parse(text);  // throws on a partial file
    EXPECT_EQ(json["status"], "ok");
    before[e.path().filename().string()] = text;
  }
  EXPECT_FALSE(fs::exists(run_dir + "/results.csv"));

  const ProcessResult resumed = bench({"run", dir + "/r.yaml", "--out", run_dir, "-q"});
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_THAT(resumed.output, ::testing::HasSubstr("12 cells (" + std::to_string(finished) + " reused"));
  // Finished cells were kept as they were, not recomputed.
  for (const auto& [name, text] : before) EXPECT_EQ(read_text(run_dir + "/cells/" + name), text) << name;
  EXPECT_EQ(read_csv(run_dir + "/results.csv").size(), 12u);

  // The resumed run's numbers equal an uninterrupted run's.
  ASSERT_EQ(bench({"run", dir + "/r.yaml", "--out", dir + "/fresh", "-q"}).exit_code, 0);
  EXPECT_EQ(read_text(run_dir + "/results.csv"), read_text(dir + "/fresh/results.csv"));

  // A changed parameter invalidates the cache: nothing is reused.
  std::string changed = kConfig;
  changed.replace(changed.find("keyint: 12"), 10, "keyint: 6");
  write_text(dir + "/r.yaml", changed);
  const ProcessResult rerun = bench({"run", dir + "/r.yaml", "--out", run_dir, "-q"});
  EXPECT_THAT(rerun.output, ::testing::HasSubstr("(0 reused"));
}

}  // namespace
}  // namespace tgvc::testing
