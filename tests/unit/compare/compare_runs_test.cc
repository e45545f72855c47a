#include <cmath>
#include <filesystem>

#include <gtest/gtest.h>

#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/results/results_json.h"
#include "reports/compare_runs.h"
#include "tests/unit/compare/compare_test_cells.h"

namespace tgvc {
namespace {

using compare_test::cell;
using compare_test::find_metric;
using compare_test::run;

const CellDiff& find_cell(const Comparison& c, const std::string& sequence, const std::string& rate_point) {
  for (const CellDiff& d : c.cells) {
    if (d.key.sequence == sequence && d.key.rate_point == rate_point) return d;
  }
  throw std::runtime_error("no cell " + sequence + " " + rate_point);
}

const ValueDiff& find_value(const CellDiff& cell, const std::string& name) {
  for (const ValueDiff& v : cell.values) {
    if (v.name == name) return v;
  }
  throw std::runtime_error("no value " + name);
}

Tolerances psnr_tolerance(double abs) {
  Tolerances t;
  t.rules = {{"psnr_*", true, abs, false, 0}};
  return t;
}

TEST(CompareRuns, IdenticalRunsHaveNoRegression) {
  const Comparison c = compare_runs(run(), run(), Tolerances{});
  EXPECT_FALSE(c.regressed());
  EXPECT_EQ(c.counts.matched, 4);
  // bits, bpp, kbps, bits_video, psnr_y, lpips_alex for each of 4 cells.
  EXPECT_EQ(c.counts.same, 24);
  EXPECT_EQ(c.counts.improved + c.counts.within + c.counts.regressed + c.counts.not_compared, 0);
  EXPECT_EQ(c.value_names,
            (std::vector<std::string>{"bits", "bpp", "kbps", "bits_video", "psnr_y", "lpips_alex"}));
  EXPECT_TRUE(c.codec_versions.empty());
}

TEST(CompareRuns, PsnrDropBeyondToleranceRegressesAndWithinDoesNot) {
  RunResults current = run();
  find_metric(current.cells[0], "psnr_y")->value = 29.9;   // -0.1 dB
  find_metric(current.cells[1], "psnr_y")->value = 27.46;  // -0.04 dB
  find_metric(current.cells[2], "psnr_y")->value = 31.20;  // exactly -0.05 dB: the bound is inclusive
  find_metric(current.cells[3], "psnr_y")->value = 28.3;   // +0.3 dB
  const Comparison c = compare_runs(run(), current, psnr_tolerance(0.05));
  const ValueDiff& dropped = find_value(find_cell(c, "orbit", "qp=45"), "psnr_y");
  EXPECT_EQ(dropped.verdict, Verdict::kRegressed);
  EXPECT_NEAR(dropped.delta, -0.1, 1e-12);
  EXPECT_DOUBLE_EQ(dropped.allowed, 0.05);
  EXPECT_EQ(dropped.tolerance, "psnr_*: abs 0.05");
  EXPECT_EQ(find_value(find_cell(c, "orbit", "qp=51"), "psnr_y").verdict, Verdict::kWithinTolerance);
  EXPECT_EQ(find_value(find_cell(c, "crossing", "qp=45"), "psnr_y").verdict, Verdict::kWithinTolerance);
  EXPECT_EQ(find_value(find_cell(c, "crossing", "qp=51"), "psnr_y").verdict, Verdict::kImproved);
  EXPECT_EQ(c.counts.regressed, 1);
  EXPECT_EQ(c.counts.regressions, 1);
  EXPECT_TRUE(c.regressed());
  // Without a tolerance the -0.04 dB drop regresses too.
  EXPECT_EQ(compare_runs(run(), current, Tolerances{}).counts.regressed, 3);
}

TEST(CompareRuns, LowerIsBetterForLpips) {
  RunResults current = run();
  find_metric(current.cells[0], "lpips_alex")->value = 0.41;  // worse
  find_metric(current.cells[1], "lpips_alex")->value = 0.50;  // better
  const Comparison c = compare_runs(run(), current, Tolerances{});
  const ValueDiff& worse = find_value(find_cell(c, "orbit", "qp=45"), "lpips_alex");
  EXPECT_FALSE(worse.higher_is_better);
  EXPECT_EQ(worse.verdict, Verdict::kRegressed);
  EXPECT_EQ(find_value(find_cell(c, "orbit", "qp=51"), "lpips_alex").verdict, Verdict::kImproved);
  EXPECT_EQ(c.counts.regressions, 1);
}

TEST(CompareRuns, MoreBitsAtTheSameRatePointRegress) {
  RunResults current = run();
  current.cells[0] = cell("orbit", "qp=45", 12100, 30.0, 0.40);  // +0.83 % bits
  current.cells[1] = cell("orbit", "qp=51", 5000, 27.5, 0.55);   // fewer bits: improved
  Tolerances strict;
  strict.ignore = {"kbps", "bits_*"};
  const Comparison c = compare_runs(run(), current, strict);
  const CellDiff& more = find_cell(c, "orbit", "qp=45");
  EXPECT_EQ(find_value(more, "bits").verdict, Verdict::kRegressed);
  EXPECT_EQ(find_value(more, "bpp").verdict, Verdict::kRegressed);
  EXPECT_NEAR(find_value(more, "bpp").delta, 100.0 / (64 * 48 * 10), 1e-15);
  EXPECT_EQ(find_value(find_cell(c, "orbit", "qp=51"), "bpp").verdict, Verdict::kImproved);
  EXPECT_EQ(c.counts.regressions, 2);
  EXPECT_EQ(std::count(c.value_names.begin(), c.value_names.end(), "kbps"), 0);

  // 1 % relative slack covers +0.83 % but not +1.5 %.
  Tolerances relative = strict;
  relative.rules = {{"bits", false, 0, true, 0.01}, {"bpp", false, 0, true, 0.01}};
  EXPECT_FALSE(compare_runs(run(), current, relative).regressed());
  current.cells[0] = cell("orbit", "qp=45", 12180, 30.0, 0.40);
  EXPECT_EQ(compare_runs(run(), current, relative).counts.regressions, 2);
}

TEST(CompareRuns, MissingAndFailedCellsRegressNewAndFixedCellsAreInfo) {
  const RunResults base = run();
  RunResults current = run();
  current.cells.erase(current.cells.begin() + 1);  // orbit qp=51 missing
  current.cells[0].status = CellOutcome::kFailed;  // orbit qp=45 failed
  current.cells[0].stage = FailedStage::kEncode;
  current.cells[0].error = "x265 refused";
  current.cells[0].metrics.clear();
  current.cells.push_back(cell("orbit", "qp=48", 9000, 29.0, 0.45));  // new
  const Comparison c = compare_runs(base, current, Tolerances{});
  EXPECT_EQ(find_cell(c, "orbit", "qp=45").status, CellStatus::kFailedInCurrent);
  EXPECT_EQ(find_cell(c, "orbit", "qp=45").message, "encode: x265 refused");
  EXPECT_TRUE(find_cell(c, "orbit", "qp=45").values.empty());
  EXPECT_EQ(find_cell(c, "orbit", "qp=51").status, CellStatus::kMissingInCurrent);
  EXPECT_EQ(find_cell(c, "orbit", "qp=48").status, CellStatus::kNewInCurrent);
  EXPECT_EQ(c.cells.back().key.rate_point, "qp=48");
  EXPECT_EQ(c.counts.matched, 3);
  EXPECT_EQ(c.counts.missing, 1);
  EXPECT_EQ(c.counts.added, 1);
  EXPECT_EQ(c.counts.failed, 1);
  EXPECT_EQ(c.counts.regressions, 2);

  // The other way round: the failure is fixed (info) and the extra cell is new, not a regression...
  const Comparison back = compare_runs(current, base, Tolerances{});
  EXPECT_EQ(find_cell(back, "orbit", "qp=45").status, CellStatus::kFixedInCurrent);
  EXPECT_EQ(find_cell(back, "orbit", "qp=51").status, CellStatus::kNewInCurrent);
  // ...but the dropped qp=48 cell is.
  EXPECT_EQ(find_cell(back, "orbit", "qp=48").status, CellStatus::kMissingInCurrent);
  EXPECT_EQ(back.counts.regressions, 1);

  // Failed in both: info.
  EXPECT_EQ(find_cell(compare_runs(current, current, Tolerances{}), "orbit", "qp=45").status,
            CellStatus::kFailedInBoth);
  EXPECT_FALSE(compare_runs(current, current, Tolerances{}).regressed());
}

TEST(CompareRuns, ValueBecomingUnavailableRegresses) {
  RunResults current = run();
  *find_metric(current.cells[0], "lpips_alex") = compare_test::unavailable("lpips_alex", "weights missing");
  find_metric(current.cells[1], "psnr_y")->value = std::nan("");  // "available" but not a number
  current.cells[2].metrics.pop_back();                            // lpips_alex absent
  current.cells[3].metrics.push_back(compare_test::metric("clip_sim", 0.9));
  const Comparison c = compare_runs(run(), current, Tolerances{});
  const ValueDiff& na = find_value(find_cell(c, "orbit", "qp=45"), "lpips_alex");
  EXPECT_EQ(na.verdict, Verdict::kRegressed);
  EXPECT_EQ(na.note, "became n/a: weights missing");
  EXPECT_TRUE(std::isnan(na.current));
  EXPECT_EQ(find_value(find_cell(c, "orbit", "qp=51"), "psnr_y").verdict, Verdict::kRegressed);
  EXPECT_EQ(find_value(find_cell(c, "crossing", "qp=45"), "lpips_alex").note, "absent in current");
  EXPECT_EQ(find_value(find_cell(c, "crossing", "qp=51"), "clip_sim").verdict, Verdict::kNotCompared);
  EXPECT_EQ(c.counts.regressions, 3);
  // n/a in base and back in current: not compared, not a regression.
  EXPECT_EQ(compare_runs(current, run(), Tolerances{}).counts.regressions, 1);  // the new clip_sim is gone
}

TEST(CompareRuns, IgnoredValuesAreLeftOut) {
  RunResults current = run();
  current.cells[0].kbps *= 2;
  Tolerances t;
  t.ignore = {"kbps"};
  EXPECT_FALSE(compare_runs(run(), current, t).regressed());
  EXPECT_TRUE(compare_runs(run(), current, Tolerances{}).regressed());
}

TEST(CompareRuns, CodecVersionChangeIsReportedOncePerCodec) {
  RunResults current = run();
  for (CellResult& c : current.cells) c.codec_version = "3.6";
  const Comparison c = compare_runs(run(), current, Tolerances{});
  ASSERT_EQ(c.codec_versions.size(), 1u);
  EXPECT_EQ(c.codec_versions[0].codec, "x265");
  EXPECT_EQ(c.codec_versions[0].base_version, "3.5");
  EXPECT_EQ(c.codec_versions[0].current_version, "3.6");
  EXPECT_EQ(c.codec_versions[0].cells, 4);
  EXPECT_FALSE(c.regressed());
}

SetResult fvd_set(const std::string& rate_point, double fvd) {
  SetResult s;
  s.metric = "fvd";
  s.codec = "x265";
  s.rate_point = rate_point;
  s.sequences = {"d/a", "d/b"};
  MetricValue v;
  v.name = "fvd";
  v.value = fvd;
  s.values = {v};
  return s;
}

TEST(CompareRuns, PerSetValuesAreGatedLikeCells) {
  RunResults base = run(), current = run();
  base.sets = {fvd_set("qp=30", 100), fvd_set("qp=40", 200)};
  current.sets = {fvd_set("qp=30", 99), fvd_set("qp=40", 230)};
  Tolerances t;
  t.rules = {{"fvd", false, 0, true, 0.1}};  // 10 % worse allowed
  Comparison c = compare_runs(base, current, t);
  EXPECT_EQ(find_value(find_cell(c, "fvd", "qp=30"), "fvd").verdict, Verdict::kImproved);
  EXPECT_EQ(find_value(find_cell(c, "fvd", "qp=40"), "fvd").verdict, Verdict::kRegressed);  // lower is better
  EXPECT_EQ(find_cell(c, "fvd", "qp=40").key.dataset, kAllSequences);
  EXPECT_EQ(c.counts.regressions, 1);

  current.sets[1].sequences.pop_back();  // a set over other sequences is not comparable
  current.sets[1].values[0].value = 200;
  c = compare_runs(base, current, t);
  EXPECT_EQ(find_cell(c, "fvd", "qp=40").status, CellStatus::kFailedInCurrent);
  current.sets.pop_back();
  c = compare_runs(base, current, t);
  EXPECT_EQ(find_cell(c, "fvd", "qp=40").status, CellStatus::kMissingInCurrent);
  EXPECT_TRUE(c.regressed());
}

TEST(CompareRuns, DuplicateCellsAreAnInputErrorNamingTheRun) {
  RunResults current = run();
  current.run_dir = "runs/current";
  current.cells.push_back(current.cells[0]);
  try {
    compare_runs(run(), current, Tolerances{});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "runs/current/results.json");
    EXPECT_NE(e.found().find("synthetic/orbit x265 qp=45"), std::string::npos);
  }
}

TEST(CompareRuns, WorksOnRunsReadBackFromResultsJson) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "tgvc_compare_runs_test";
  std::filesystem::create_directories(dir / "base");
  std::filesystem::create_directories(dir / "current");
  RunResults changed = run();
  find_metric(changed.cells[2], "psnr_y")->value = 31.0;
  write_file_atomically((dir / "base" / "results.json").string(),
                        results_json("ci", run().provenance, run().cells));
  write_file_atomically((dir / "current" / "results.json").string(),
                        results_json("ci", changed.provenance, changed.cells));
  const Comparison same = compare_runs(load_run_results((dir / "base").string()),
                                       load_run_results((dir / "base").string()), Tolerances{});
  EXPECT_EQ(same.counts.same, 24);
  const Comparison c = compare_runs(load_run_results((dir / "base").string()),
                                    load_run_results((dir / "current").string()), psnr_tolerance(0.05));
  EXPECT_EQ(c.counts.regressions, 1);
  EXPECT_EQ(c.base.git_commit, "abc123");
  EXPECT_NEAR(find_value(find_cell(c, "crossing", "qp=45"), "psnr_y").delta, -0.25, 1e-12);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tgvc
