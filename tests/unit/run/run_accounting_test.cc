// The run's time account (harness/run/run_accounting.h): the harness's share is of the work done,
// so workers idle at the end of the pool never count as harness time.
#include <gtest/gtest.h>

#include "harness/run/run_accounting.h"

namespace tgvc {
namespace {

RunTimes two_job_run() {
  RunTimes t;
  t.jobs = 2;
  t.wall_s = 11.5;
  t.serial_s = 0.5;    // plan + results files + report
  t.pool_wall_s = 11;  // one worker busy 11 s, the other 8 s, then idle
  t.cells_s = 19;      // 11 + 8
  t.load_s = 1;
  t.codec_s = 10;
  t.metrics_s = 7.8;
  return t;
}

TEST(RunAccounting, HarnessIsSerialStepsPlusCellTimeOutsideLoadingCodecsAndMetrics) {
  const TimeAccount a = account_time(two_job_run());
  EXPECT_NEAR(a.harness_s, 0.5 + 19 - 1 - 10 - 7.8, 1e-12);  // 0.7
  EXPECT_NEAR(a.work_s, 19.5, 1e-12);
  EXPECT_NEAR(a.share, 0.7 / 19.5, 1e-12);
  EXPECT_NEAR(a.idle_s, 2 * 11 - 19, 1e-12);  // the second worker's 3 s without a cell
}

TEST(RunAccounting, MoreIdleWorkersChangeIdleTimeNotTheHarnessShare) {
  RunTimes t = two_job_run();
  const TimeAccount two = account_time(t);
  t.jobs = 8;  // the same cells spread over more workers that mostly wait
  const TimeAccount eight = account_time(t);
  EXPECT_DOUBLE_EQ(eight.harness_s, two.harness_s);
  EXPECT_DOUBLE_EQ(eight.share, two.share);
  EXPECT_NEAR(eight.idle_s, 8 * 11 - 19, 1e-12);
  // The old rule (wall - busy / jobs) would have called idle time harness time.
  const double old_rule = t.wall_s - (t.load_s + t.codec_s + t.metrics_s) / t.jobs;
  EXPECT_GT(old_rule, eight.harness_s);
}

TEST(RunAccounting, ClockJitterNeverGivesNegativeTimesAndAnEmptyRunHasNoShare) {
  RunTimes t;
  t.cells_s = 1.0;
  t.codec_s = 1.0000001;  // nested intervals measured separately
  EXPECT_EQ(account_time(t).harness_s, 0);
  EXPECT_EQ(account_time(RunTimes{}).share, 0);
  EXPECT_EQ(account_time(RunTimes{}).idle_s, 0);
}

}  // namespace
}  // namespace tgvc
