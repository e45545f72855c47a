// The Slurm executor's pure rules: which cells ask for a GPU, how cells are cut into array tasks
// under MaxArraySize, and the scripts' quoting and #SBATCH lines.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/config/experiment.h"
#include "harness/plan/plan.h"
#include "harness/run/slurm_script.h"

namespace tgvc {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(SlurmScript, ChunksStayUnderTheArrayLimitAndKeepEveryCellOnce) {
  std::vector<size_t> cells;
  for (size_t i = 0; i < 2500; ++i) cells.push_back(i * 3);
  const auto tasks = chunk_cells(cells, 1001);
  EXPECT_EQ(tasks.size(), 834u);  // ceil(2500 / 1001) = 3 cells a task
  std::vector<size_t> flat;
  for (const auto& t : tasks) {
    EXPECT_LE(t.size(), 3u);
    flat.insert(flat.end(), t.begin(), t.end());
  }
  EXPECT_EQ(flat, cells);
  EXPECT_EQ(chunk_cells({4, 7}, 1001), (std::vector<std::vector<size_t>>{{4}, {7}}));
  // cells_per_task, unless the array limit asks for more.
  EXPECT_EQ(chunk_cells({1, 2, 3, 4, 5}, 1001, 2), (std::vector<std::vector<size_t>>{{1, 2}, {3, 4}, {5}}));
  EXPECT_EQ(chunk_cells({1, 2, 3, 4, 5}, 2, 2), (std::vector<std::vector<size_t>>{{1, 2, 3}, {4, 5}}));
}

TEST(SlurmScript, OnlyCellsWithACudaDeviceNeedAGpu) {
  const Experiment e = parse_experiment(R"(experiment: t
datasets:
  - synthetic: {name: a}
codecs:
  - {name: cpu, type: raw}
  - {name: gen, type: tgvc, params: {generator: diffusion}, sweep: {diffusion-device: [cpu, cuda]}}
)",
                                        "exp.yaml");
  const std::vector<Cell> cells = make_plan(e);
  ASSERT_EQ(cells.size(), 3u);
  EXPECT_FALSE(cell_needs_gpu(e, cells[0]));
  EXPECT_FALSE(cell_needs_gpu(e, cells[1]));  // diffusion-device: cpu
  EXPECT_TRUE(cell_needs_gpu(e, cells[2]));   // diffusion-device: cuda
}

TEST(SlurmScript, ScriptsCarryTheExecutorSettingsAndQuotePaths) {
  Experiment e = parse_experiment(R"(experiment: t
datasets:
  - synthetic: {name: a}
codecs:
  - {type: raw}
executor: {kind: slurm, partition: p1, time_limit: "30", cpus_per_task: 2, gpus_per_task: 3, sbatch_args: [--qos=x]}
)",
                                  "exp.yaml");
  const std::string cpu = cells_script(e, "/opt/bin/tgvc-bench", "/runs/it's", {{0, 1}, {2}}, false);
  EXPECT_THAT(cpu, HasSubstr("#SBATCH --array=0-1\n"));
  EXPECT_THAT(cpu, HasSubstr("#SBATCH --partition=p1\n"));
  EXPECT_THAT(cpu, HasSubstr("#SBATCH --time=30\n"));
  EXPECT_THAT(cpu, HasSubstr("#SBATCH --cpus-per-task=2\n"));
  EXPECT_THAT(cpu, HasSubstr("#SBATCH --qos=x\n"));
  EXPECT_THAT(cpu, Not(HasSubstr("gpus")));
  EXPECT_THAT(cpu, HasSubstr("  '0 1'\n  '2'\n"));
  EXPECT_THAT(cpu, HasSubstr("exec '/opt/bin/tgvc-bench' run-cell '/runs/it'\\''s' --jobs 2"));
  EXPECT_THAT(cells_script(e, "/b", "/r", {{0}}, true), HasSubstr("#SBATCH --gpus-per-task=3\n"));
  const std::string fin = finalize_script(e, "/b", "/r");
  EXPECT_THAT(fin, HasSubstr("exec '/b' finalize '/r'\n"));
  EXPECT_THAT(fin, Not(HasSubstr("--array")));
}

}  // namespace
}  // namespace tgvc
