// The config's `executor:` section: defaults, every field, and errors at file:line:column.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/config/experiment.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

using ::testing::HasSubstr;

const std::string kBase = R"(experiment: t
datasets:
  - synthetic: {name: a}
codecs:
  - {type: raw}
)";

std::string error_of(const std::string& text) {
  try {
    parse_experiment(text, "exp.yaml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(ExecutorSection, MissingSectionIsTheLocalExecutor) {
  const Experiment e = parse_experiment(kBase, "exp.yaml");
  EXPECT_EQ(e.executor.kind, ExecutorKind::kLocal);
  EXPECT_EQ(e.executor.cpus_per_task, 1);
  EXPECT_EQ(e.executor.gpus_per_task, 1);
  EXPECT_EQ(e.executor.cells_per_task, 1);
  EXPECT_TRUE(e.executor.sbatch_args.empty());
}

TEST(ExecutorSection, ReadsEveryField) {
  const Experiment e = parse_experiment(kBase + R"(executor:
  kind: slurm
  partition: gpu
  account: vision
  time_limit: "1-02:00:00"
  cpus_per_task: 4
  mem_per_task: 16G
  gpus_per_task: 2
  cells_per_task: 5
  sbatch_args: [--qos=short, --constraint=a100]
)",
                                        "exp.yaml");
  EXPECT_EQ(e.executor.kind, ExecutorKind::kSlurm);
  EXPECT_EQ(e.executor.partition, "gpu");
  EXPECT_EQ(e.executor.account, "vision");
  EXPECT_EQ(e.executor.time_limit, "1-02:00:00");
  EXPECT_EQ(e.executor.cpus_per_task, 4);
  EXPECT_EQ(e.executor.mem_per_task, "16G");
  EXPECT_EQ(e.executor.gpus_per_task, 2);
  EXPECT_EQ(e.executor.cells_per_task, 5);
  EXPECT_EQ(e.executor.sbatch_args, (std::vector<std::string>{"--qos=short", "--constraint=a100"}));
}

TEST(ExecutorSection, BadValuesNameTheirPositionAndWhatWasExpected) {
  EXPECT_THAT(error_of(kBase + "executor: {kind: kubernetes}\n"),
              HasSubstr("exp.yaml:6:18: executor.kind: expected local or slurm, found 'kubernetes'"));
  EXPECT_THAT(error_of(kBase + "executor: {kind: slurm, time_limit: 2h}\n"),
              HasSubstr("exp.yaml:6:37: executor.time_limit: expected a Slurm time limit"));
  EXPECT_THAT(error_of(kBase + "executor: {mem_per_task: 4 GB}\n"),
              HasSubstr("exp.yaml:6:26: executor.mem_per_task: expected a Slurm memory size"));
  EXPECT_THAT(error_of(kBase + "executor: {cpus_per_task: 0}\n"), HasSubstr("exp.yaml:6"));
  EXPECT_THAT(error_of(kBase + "executor: {cpus_per_task: 0}\n"), HasSubstr("cpus_per_task"));
  EXPECT_THAT(error_of(kBase + "executor: {partiton: gpu}\n"), HasSubstr("partition"));
  EXPECT_THAT(error_of(kBase + "executor: {sbatch_args: [[a]]}\n"),
              HasSubstr("executor.sbatch_args: expected a non-empty sbatch argument"));
}

}  // namespace
}  // namespace tgvc
