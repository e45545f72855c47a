// `run --executor slurm` on a real single-node Slurm cluster (tests/slurm/start-cluster.sh, the
// settings of docs/slurm.md): results byte-identical to a local run of the same config but for
// timings and provenance, a failing cell's row, a task killed mid-run resubmitted alone by running
// the same command again, and `cancel`. Skips only when Slurm's packages are not installed.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/core/temp_dir.h"
#include "tests/integration/test_util.h"

namespace tgvc::testing {
namespace {

namespace fs = std::filesystem;

// Two synthetic scenes x (raw at two levels + a raw entry that fails in encode): six cells of a
// few tens of milliseconds. `extra` goes into the executor section.
std::string config(const std::string& extra) {
  return R"(experiment: slurmtest
frames: {count: 6}
datasets:
  - synthetic: {name: a, width: 96, height: 64, seed: 1}
  - synthetic: {name: b, width: 96, height: 64, seed: 2, scene: crossing}
codecs:
  - {name: raw, type: raw, sweep: {level: [0, 1]}}
  - {name: broken, type: raw, params: {fail: true}}
metrics: [psnr, ssim]
executor: {kind: slurm, cpus_per_task: 1)" +
         extra + R"(}
)";
}

class SlurmCluster : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists("/usr/sbin/slurmctld") || !fs::exists("/usr/sbin/slurmd") ||
        !fs::exists("/usr/sbin/munged")) {
      skip_reason_ = "Slurm is not installed (munge slurmctld slurmd slurm-client: scripts/install-deps.sh)";
      return;
    }
    cluster_scratch_ = std::make_unique<TempDir>("tgvc_slurm_");
    cluster_dir_ = cluster_scratch_->path();
    // The daemons go even if this process dies before its teardown; a small MaxArraySize makes
    // six cells three tasks of two.
    ::setenv("WATCH_PID", std::to_string(::getpid()).c_str(), 1);
    ::setenv("MAX_ARRAY_SIZE", "5", 1);
    const ProcessResult start = run_process(
        {"/bin/bash", std::string(TGVC_SOURCE_DIR) + "/tests/slurm/start-cluster.sh", cluster_dir_});
    started_ = start.exit_code == 0;
    start_output_ = start.output;
    ::setenv("SLURM_CONF", (cluster_dir_ + "/slurm.conf").c_str(), 1);
  }

  static void TearDownTestSuite() {
    if (!cluster_dir_.empty()) {
      run_process({"/bin/bash", std::string(TGVC_SOURCE_DIR) + "/tests/slurm/stop-cluster.sh", cluster_dir_});
    }
    cluster_scratch_.reset();  // after the daemons are gone
  }

  void SetUp() override {
    if (!skip_reason_.empty()) GTEST_SKIP() << skip_reason_;
    ASSERT_TRUE(started_) << start_output_;
  }

  static std::unique_ptr<TempDir> cluster_scratch_;
  static std::string cluster_dir_;
  static std::string skip_reason_;
  static std::string start_output_;
  static bool started_;
};

std::unique_ptr<TempDir> SlurmCluster::cluster_scratch_;
std::string SlurmCluster::cluster_dir_;
std::string SlurmCluster::skip_reason_;
std::string SlurmCluster::start_output_;
bool SlurmCluster::started_ = false;

// results.json without what two runs of the same cells legitimately differ in: provenance (host,
// times, command line) and each cell's timings.
nlohmann::json comparable_results(const std::string& run_dir) {
  nlohmann::json j = nlohmann::json::parse(read_text(run_dir + "/results.json"));
  j.erase("provenance");
  for (nlohmann::json& cell : j.at("cells")) cell.erase("timing");
  return j;
}

// results.csv without its timing columns (headed *_s).
std::string comparable_csv(const std::string& run_dir) {
  std::string out;
  for (const auto& row : read_csv(run_dir + "/results.csv")) {
    for (const auto& [column, field] : row) {
      if (column.size() < 2 || column.compare(column.size() - 2, 2, "_s") != 0)
        out += column + "=" + field + ",";
    }
    out += "\n";
  }
  return out;
}

// Polls `status` until the submission's jobs have left the queue.
std::string wait_until_finished(const std::string& run_dir) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(40);
  ProcessResult status;
  while (std::chrono::steady_clock::now() < deadline) {
    status = bench({"status", run_dir});
    if (status.output.find(": finished") != std::string::npos) return status.output;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
  return "timed out; last status:\n" + status.output;
}

TEST_F(SlurmCluster, WaitedRunMatchesLocalRunAndKeepsTheFailingRow) {
  const TempDir scratch("tgvc_slurm_run_");
  const std::string& dir = scratch.path();
  write_text(dir + "/c.yaml", config(""));
  const ProcessResult local =
      bench({"run", "-q", dir + "/c.yaml", "--executor", "local", "--out", dir + "/local"});
  ASSERT_EQ(local.exit_code, 1) << local.output;  // the broken entry's cells fail

  const ProcessResult slurm =
      bench({"run", dir + "/c.yaml", "--executor", "slurm", "--wait", "--out", dir + "/slurm"});
  EXPECT_EQ(slurm.exit_code, 1) << slurm.output;
  EXPECT_NE(slurm.output.find("4 done, 2 failed, 0 running, 0 pending, 0 missing"), std::string::npos)
      << slurm.output;
  ASSERT_TRUE(fs::exists(dir + "/slurm/report.html")) << slurm.output;
  EXPECT_EQ(comparable_results(dir + "/slurm"), comparable_results(dir + "/local"));
  EXPECT_EQ(comparable_csv(dir + "/slurm"), comparable_csv(dir + "/local"));
  EXPECT_EQ(read_text(dir + "/slurm/frames.csv"), read_text(dir + "/local/frames.csv"));

  // The failing cell's row: stage and message from the cell, in both executors' files.
  int broken = 0;
  for (const auto& row : read_csv(dir + "/slurm/results.csv")) {
    if (row.at("codec") != "broken") continue;
    ++broken;
    EXPECT_EQ(row.at("status"), "failed");
    EXPECT_EQ(row.at("stage"), "encode");
  }
  EXPECT_EQ(broken, 2);
  const ProcessResult status = bench({"status", dir + "/slurm"});
  EXPECT_EQ(status.exit_code, 1);
  EXPECT_NE(status.output.find("failed synthetic__a__broken__default at encode:"), std::string::npos)
      << status.output;

  // Nothing left to compute: the same command submits no array, only the finalize job.
  const ProcessResult again =
      bench({"run", dir + "/c.yaml", "--executor", "slurm", "--wait", "--out", dir + "/slurm"});
  EXPECT_NE(again.output.find("6 cells (4 done before), 2 submitted"), std::string::npos) << again.output;
}

// Two synthetic scenes x (raw at two levels + an external codec whose encoder sleeps two
// seconds, tests/data/fake_codecs/slow_copy.sh, and copies its input): six cells, the two slow
// ones in different tasks.
std::string slow_config() {
  return R"(experiment: slurmkill
frames: {count: 6}
datasets:
  - synthetic: {name: a, width: 96, height: 64, seed: 1}
  - synthetic: {name: b, width: 96, height: 64, seed: 2, scene: crossing}
codecs:
  - {name: raw, type: raw, sweep: {level: [0, 1]}}
  - name: slow
    type: external
    params:
      encode: [/bin/sh, )" +
         std::string(TGVC_SOURCE_DIR) +
         R"(/tests/data/fake_codecs/slow_copy.sh, "2", "{input}", "{bitstream}"]
      decode: [cp, "{bitstream}", "{output}"]
      bitstream: stream.y4m
metrics: [psnr, ssim]
executor: {kind: slurm, cpus_per_task: 1}
)";
}

// Waits for `file` to appear; false after 30 s.
bool wait_for_file(const std::string& file) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    if (fs::exists(file)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

// The state squeue gives one array task ("RUNNING"), empty when it has left the queue.
std::string task_state(const std::string& task) {
  std::string state = run_process({"/usr/bin/squeue", "-h", "-r", "-j", task, "-o", "%T"}).output;
  while (!state.empty() && (state.back() == '\n' || state.back() == ' ')) state.pop_back();
  return state;
}

TEST_F(SlurmCluster, TaskKilledMidRunIsResubmittedAloneAndEndsAsALocalRun) {
  const TempDir scratch("tgvc_slurm_kill_");
  const std::string& dir = scratch.path();
  write_text(dir + "/c.yaml", slow_config());
  // The slow encoder marks its start per array task; jobs inherit this environment from sbatch.
  fs::create_directories(dir + "/markers");
  ::setenv("TGVC_SLOW_MARKERS", (dir + "/markers").c_str(), 1);
  const ProcessResult local =
      bench({"run", "-q", dir + "/c.yaml", "--executor", "local", "--jobs", "2", "--out", dir + "/local"});
  ASSERT_EQ(local.exit_code, 0) << local.output;

  const std::string run_dir = dir + "/run";
  const ProcessResult submit = bench({"run", dir + "/c.yaml", "--executor", "slurm", "--out", run_dir});
  ASSERT_EQ(submit.exit_code, 0) << submit.output;
  const nlohmann::json first = nlohmann::json::parse(read_text(run_dir + "/slurm/submission.json"));
  ASSERT_EQ(first["arrays"].size(), 1u);
  // Six cells under MaxArraySize 5: three tasks of two (a: raw 0, raw 1, slow; b: the same).
  ASSERT_EQ(first["arrays"][0]["tasks"], nlohmann::json::parse("[[0, 1], [2, 3], [4, 5]]"));
  const std::string task = std::string(first["arrays"][0]["job_id"]) + "_1";  // cells 2 (a slow) and 3

  // Task 1 is in its first cell's encode: kill it there.
  ASSERT_TRUE(wait_for_file(dir + "/markers/started-1")) << bench({"status", run_dir}).output;
  EXPECT_EQ(task_state(task), "RUNNING");
  // Both cells of the running task are running for `status` too (no result, task RUNNING).
  const std::string running = bench({"status", run_dir}).output;
  const size_t count_end = running.find(" running,");
  ASSERT_NE(count_end, std::string::npos) << running;
  EXPECT_GE(std::stoi(running.substr(running.rfind(", ", count_end) + 2)), 2) << running;
  ASSERT_EQ(run_process({"/usr/bin/scancel", task}).exit_code, 0);
  const std::string finished = wait_until_finished(run_dir);
  EXPECT_NE(finished.find("4 done, 0 failed, 0 running, 0 pending, 2 missing"), std::string::npos)
      << finished;
  EXPECT_NE(finished.find("missing synthetic__a__slow__default"), std::string::npos) << finished;
  EXPECT_NE(finished.find("missing synthetic__b__raw__level=0"), std::string::npos) << finished;
  EXPECT_FALSE(fs::exists(run_dir + "/cells/synthetic__a__slow__default.json"));
  // The finalize job wrote every cell, the missing ones as failed rows at stage "task".
  int task_rows = 0;
  for (const auto& row : read_csv(run_dir + "/results.csv")) task_rows += row.at("stage") == "task";
  EXPECT_EQ(task_rows, 2);
  const nlohmann::json killed = nlohmann::json::parse(read_text(run_dir + "/results.json"))["provenance"];
  EXPECT_EQ(killed["cells_computed"], 4);  // the two missing cells are none of these
  EXPECT_EQ(killed["cells_reused"], 0);

  struct stat before {};
  ::stat((run_dir + "/cells/synthetic__b__slow__default.json").c_str(), &before);
  const ProcessResult again =
      bench({"run", dir + "/c.yaml", "--executor", "slurm", "--wait", "--out", run_dir});
  EXPECT_EQ(again.exit_code, 0) << again.output;
  // Exactly the two missing cells go again, one task each.
  EXPECT_NE(again.output.find("6 cells (4 done before), 2 submitted"), std::string::npos) << again.output;
  EXPECT_NE(again.output.find("6 done, 0 failed, 0 running, 0 pending, 0 missing"), std::string::npos)
      << again.output;
  const nlohmann::json second = nlohmann::json::parse(read_text(run_dir + "/slurm/submission.json"));
  ASSERT_EQ(second["arrays"].size(), 1u);
  EXPECT_EQ(second["arrays"][0]["tasks"], nlohmann::json::parse("[[2], [3]]"));
  struct stat after {};
  ::stat((run_dir + "/cells/synthetic__b__slow__default.json").c_str(), &after);
  EXPECT_EQ(before.st_mtim.tv_nsec, after.st_mtim.tv_nsec);  // a done cell was not run again
  EXPECT_EQ(before.st_mtim.tv_sec, after.st_mtim.tv_sec);

  const nlohmann::json rerun = nlohmann::json::parse(read_text(run_dir + "/results.json"))["provenance"];
  EXPECT_EQ(rerun["cells_computed"], 2);
  EXPECT_EQ(rerun["cells_reused"], 4);
  EXPECT_EQ(rerun["cells_from_cache"], 0);
  EXPECT_EQ(comparable_results(run_dir), comparable_results(dir + "/local"));
  EXPECT_EQ(comparable_csv(run_dir), comparable_csv(dir + "/local"));
  EXPECT_EQ(read_text(run_dir + "/frames.csv"), read_text(dir + "/local/frames.csv"));
  ::unsetenv("TGVC_SLOW_MARKERS");
}

TEST_F(SlurmCluster, CancelEmptiesTheQueueAndARunWaitsForIt) {
  const TempDir scratch("tgvc_slurm_cancel_");
  const std::string& dir = scratch.path();
  // Held: nothing runs before the test cancels it.
  write_text(dir + "/c.yaml", config(", sbatch_args: [--hold]"));
  const std::string run_dir = dir + "/run";
  const ProcessResult held = bench({"run", dir + "/c.yaml", "--executor", "slurm", "--out", run_dir});
  ASSERT_EQ(held.exit_code, 0) << held.output;
  const ProcessResult refused = bench({"run", dir + "/c.yaml", "--executor", "slurm", "--out", run_dir});
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_NE(refused.output.find("still queued or running"), std::string::npos) << refused.output;
  // A local run into the same directory is refused too, and writes no results there.
  const ProcessResult local = bench({"run", dir + "/c.yaml", "--executor", "local", "--out", run_dir});
  EXPECT_EQ(local.exit_code, 3);
  EXPECT_NE(local.output.find("still queued or running"), std::string::npos) << local.output;
  EXPECT_FALSE(std::filesystem::exists(run_dir + "/results.csv"));
  const ProcessResult cancel = bench({"cancel", run_dir});
  EXPECT_EQ(cancel.exit_code, 0) << cancel.output;
  EXPECT_NE(wait_until_finished(run_dir).find(": finished"), std::string::npos);
}

TEST_F(SlurmCluster, DryRunPrintsTheScriptsAndSubmitsNothing) {
  const TempDir scratch("tgvc_slurm_dry_");
  const std::string& dir = scratch.path();
  write_text(dir + "/c.yaml", config(", time_limit: \"10\", mem_per_task: 1G"));
  const ProcessResult dry =
      bench({"run", dir + "/c.yaml", "--executor", "slurm", "--dry-run", "--out", dir + "/run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.output;
  EXPECT_NE(dry.output.find("#SBATCH --array=0-2"), std::string::npos) << dry.output;  // MaxArraySize 5
  EXPECT_NE(dry.output.find("  '0 1'\n  '2 3'\n  '4 5'\n"), std::string::npos) << dry.output;
  EXPECT_NE(dry.output.find("#SBATCH --time=10"), std::string::npos) << dry.output;
  EXPECT_NE(dry.output.find("#SBATCH --mem=1G"), std::string::npos) << dry.output;
  EXPECT_NE(dry.output.find(" finalize '"), std::string::npos) << dry.output;
  EXPECT_FALSE(fs::exists(dir + "/run"));
}

}  // namespace
}  // namespace tgvc::testing
