// Per-set grouping: one set per codec entry and rate point across sequences, and n/a (never a
// value over part of a set) when a cell failed or a contribution is unavailable. The values of a
// complete set come from the metric itself (tests/unit/learned/fvd_run_test.cc).
#include "harness/run/set_metrics.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace tgvc {
namespace {

using ::testing::HasSubstr;

Experiment experiment() {
  return parse_experiment(R"(experiment: sets
frames: {count: 4}
datasets:
  - synthetic: {name: a, width: 64, height: 48}
  - synthetic: {name: b, width: 64, height: 48, seed: 9}
codecs:
  - {name: one, type: raw, sweep: {level: [1, 2]}}
  - {name: two, type: raw, sweep: {level: [3]}}
metrics: [psnr, fvd]
)",
                          "sets.yaml");
}

// What the runner would have stored: every cell ok, with an unavailable FVD contribution.
std::vector<CellResult> results(const Experiment& e, const std::vector<Cell>& cells) {
  std::vector<CellResult> out;
  for (const Cell& cell : cells) {
    CellResult r;
    r.cell_id = cell.id;
    r.status = CellOutcome::kOk;
    r.dataset = e.sequences[cell.sequence].dataset;
    r.sequence = e.sequences[cell.sequence].name;
    r.codec = e.codecs[cell.codec].name;
    r.rate_point = e.codecs[cell.codec].rate_points[cell.rate_point].label;
    r.bpp = 0.01 * static_cast<double>(cell.sequence + 1);
    SetContribution c;
    c.metric = "fvd";
    c.version = "1";
    c.available = false;
    c.reason = "model 'i3d-kinetics400' missing";
    r.set_contributions.push_back(c);
    out.push_back(r);
  }
  return out;
}

TEST(SetMetrics, OneSetPerCodecAndRatePointAcrossSequences) {
  const Experiment e = experiment();
  ASSERT_TRUE(e.metrics[1].per_set);
  const std::vector<Cell> cells = make_plan(e);
  const std::vector<SetResult> sets = compute_set_metrics(e, cells, results(e, cells));
  ASSERT_EQ(sets.size(), 3u);
  EXPECT_EQ(sets[0].codec, "one");
  EXPECT_EQ(sets[1].codec, "one");
  EXPECT_EQ(sets[2].codec, "two");
  EXPECT_EQ(sets[1].rate_point, e.codecs[0].rate_points[1].label);
  for (const SetResult& s : sets) {
    EXPECT_EQ(s.metric, "fvd");
    EXPECT_EQ(s.sequences, (std::vector<std::string>{"synthetic/a", "synthetic/b"}));
    EXPECT_DOUBLE_EQ(s.bpp, 0.015);
    ASSERT_EQ(s.values.size(), 2u);  // fvd, fvd_clips
    for (const MetricValue& v : s.values) {
      EXPECT_FALSE(v.available);
      EXPECT_EQ(v.reason, "model 'i3d-kinetics400' missing");
    }
  }
}

TEST(SetMetrics, AFailedCellMakesItsSetNotAvailable) {
  const Experiment e = experiment();
  const std::vector<Cell> cells = make_plan(e);
  std::vector<CellResult> r = results(e, cells);
  for (CellResult& c : r) c.set_contributions[0].available = true;  // would reach the metric...
  r[0].status = CellOutcome::kFailed;                               // ...but a cell of set 0 failed
  r[0].stage = FailedStage::kEncode;
  r[0].error = "boom";
  r[0].set_contributions.clear();
  r[1].set_contributions.clear();  // and set 1 lost a contribution
  const std::vector<SetResult> sets = compute_set_metrics(e, cells, r);
  ASSERT_EQ(sets.size(), 3u);
  EXPECT_FALSE(sets[0].values[0].available);
  EXPECT_THAT(sets[0].values[0].reason, HasSubstr("cell " + cells[0].id + " failed (encode: boom)"));
  EXPECT_FALSE(sets[1].values[0].available);
  EXPECT_THAT(sets[1].values[0].reason, HasSubstr("has no fvd features"));
}

TEST(SetMetrics, NoPerSetMetricNoSets) {
  Experiment e = experiment();
  e.metrics.pop_back();
  const std::vector<Cell> cells = make_plan(e);
  EXPECT_TRUE(compute_set_metrics(e, cells, results(e, cells)).empty());
}

}  // namespace
}  // namespace tgvc
