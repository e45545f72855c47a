#include "harness/core/parallel_for.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace tgvc {
namespace {

TEST(ParallelFor, RunsEveryTaskOnceWhateverTheThreadCount) {
  for (int threads : {0, 1, 2, 4, 64}) {
    std::vector<int> runs(100, 0);
    parallel_for(100, threads, [&](int i) { runs[i] += 1; });
    EXPECT_EQ(runs, std::vector<int>(100, 1)) << threads << " threads";
  }
}

TEST(ParallelFor, RethrowsTheLowestIndexError) {
  const auto body = [](int i) {
    if (i == 7 || i == 3) throw std::runtime_error("task " + std::to_string(i));
  };
  for (int threads : {1, 3}) {
    try {
      parallel_for(10, threads, body);
      FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "task 3");
    }
  }
}

TEST(ParallelFor, DefaultThreadCountIsPositive) {
  EXPECT_GE(default_thread_count(), 1);
}

}  // namespace
}  // namespace tgvc
