// The regression gate's comparison: two runs matched cell by cell, every reported value
// (bits, bpp, kbps, bits_<component> and each metric value) judged against its tolerance.
// docs/compare.md defines the verdicts. The Markdown and HTML writers only format this.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "harness/core/compare_tolerance_rules.h"
#include "harness/results/compare_bd.h"
#include "harness/results/run_results.h"

namespace tgvc {

// The dataset of a per-set metric's "cell" (FVD over every sequence of a codec and rate point):
// its sequence is the metric's id.
inline constexpr const char* kAllSequences = "(all sequences)";

// Cells of two runs are the same cell when these four match.
struct CellKey {
  std::string dataset;
  std::string sequence;
  std::string codec;
  std::string rate_point;

  std::string label() const;  // "dataset/sequence codec rate_point"
  bool operator<(const CellKey& other) const;
};

enum class Verdict { kImproved, kSame, kWithinTolerance, kRegressed, kNotCompared };

// "improved", "same", "within tolerance", "regressed", "not compared".
const char* verdict_name(Verdict verdict);

// One value of one matched cell. NaN stands for n/a or absent.
struct ValueDiff {
  std::string name;
  std::string unit;
  bool higher_is_better = true;
  double base = std::numeric_limits<double>::quiet_NaN();
  double current = std::numeric_limits<double>::quiet_NaN();
  double delta = std::numeric_limits<double>::quiet_NaN();  // current - base
  double allowed = 0;                                       // the worsening the tolerance allows
  std::string tolerance;                                    // "psnr_*: abs 0.05"
  Verdict verdict = Verdict::kSame;
  std::string note;  // when a side is n/a or absent: which and why

  // An improvement at least as large as the worsening the tolerance would allow.
  bool notable_improvement() const;
};

enum class CellStatus {
  kCompared,          // ok in both: values compared
  kMissingInCurrent,  // regression
  kNewInCurrent,      // info
  kFailedInCurrent,   // ok in base, failed now: regression
  kFixedInCurrent,    // failed in base, ok now: info
  kFailedInBoth,      // info
};

// "compared", "missing in current", "new in current", "failed in current", "fixed in current",
// "failed in both".
const char* cell_status_name(CellStatus status);

struct CellDiff {
  CellKey key;
  CellStatus status = CellStatus::kCompared;
  std::string message;            // failed cells: "stage: error" of the failing side
  std::vector<ValueDiff> values;  // kCompared only: base's order, then values new in current
  int regressions() const;        // structural (0 or 1) plus regressed values
};

struct CodecVersionChange {
  std::string codec;
  std::string base_version;
  std::string current_version;
  int cells = 0;  // matched cells that show this change
};

struct RunInfo {
  std::string run_dir;
  std::string experiment;
  std::string git_commit;
  std::string tool_version;
  std::string started_utc;
};

struct CompareCounts {
  int matched = 0;  // cells present in both runs
  int missing = 0;
  int added = 0;
  int failed = 0;  // failed in current, ok in base
  int fixed = 0;
  int failed_both = 0;
  int improved = 0;
  int same = 0;
  int within = 0;
  int regressed = 0;  // values
  int not_compared = 0;
  int regressions = 0;  // every regression: values, missing cells and newly failed cells
};

struct Comparison {
  RunInfo base;
  RunInfo current;
  std::vector<CellDiff> cells;  // base's order, then cells new in current
  std::vector<CodecVersionChange> codec_versions;
  std::vector<std::string> value_names;  // every compared name, in order of first appearance
  CompareCounts counts;
  std::vector<CodecBdChange> bd;  // each codec's curves, current against base (no verdict)

  bool regressed() const { return counts.regressions > 0; }
};

// Throws InputError naming a run's results.json when it holds two cells with the same key.
Comparison compare_runs(const RunResults& base, const RunResults& current, const Tolerances& tolerances);

}  // namespace tgvc
