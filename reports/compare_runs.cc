#include "reports/compare_runs.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "harness/core/error.h"
#include "reports/metric_direction.h"

namespace tgvc {
namespace {

// One reported value of a cell as the gate sees it.
struct Reported {
  std::string name;
  std::string unit;
  bool available = true;
  double value = 0;
  std::string reason;  // when n/a
};

std::vector<Reported> metric_values(const std::vector<MetricValue>& metrics) {
  std::vector<Reported> values;
  for (const MetricValue& m : metrics) {
    Reported r{m.name, m.unit, m.available, m.value, m.reason};
    if (r.available && !std::isfinite(r.value)) {
      r.available = false;
      r.reason = "not a finite number";
    }
    values.push_back(r);
  }
  return values;
}

std::vector<Reported> reported_values(const CellResult& cell) {
  std::vector<Reported> values = {{"bits", "bit", true, static_cast<double>(cell.bits), ""},
                                  {"bpp", "bpp", true, cell.bpp, ""},
                                  {"kbps", "kbit/s", true, cell.kbps, ""}};
  for (const auto& [component, bits] : cell.rate_components) {
    values.push_back({"bits_" + component, "bit", true, static_cast<double>(bits), ""});
  }
  const std::vector<Reported> metrics = metric_values(cell.metrics);
  values.insert(values.end(), metrics.begin(), metrics.end());
  return values;
}

const Reported* find_reported(const std::vector<Reported>& values, const std::string& name) {
  for (const Reported& r : values) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

std::string with_reason(const std::string& text, const std::string& reason) {
  return reason.empty() ? text : text + ": " + reason;
}

// Judges one value; either side may be absent (nullptr) but not both.
ValueDiff judge(const std::string& name, const Reported* base, const Reported* current,
                const Tolerances& tolerances) {
  ValueDiff d;
  d.name = name;
  d.unit = base ? base->unit : current->unit;
  d.higher_is_better = metric_higher_is_better(name);
  const Tolerance& rule = tolerance_for(tolerances, name);
  d.tolerance = rule.pattern + ": " + tolerance_text(rule);
  if (base && base->available) d.base = base->value;
  if (current && current->available) d.current = current->value;
  d.allowed = allowed_worsening(rule, d.base);
  if (!base) {
    d.verdict = Verdict::kNotCompared;
    d.note = "new in current";
  } else if (!current) {
    d.verdict = base->available ? Verdict::kRegressed : Verdict::kNotCompared;
    d.note = base->available ? "absent in current" : "n/a in base, absent in current";
  } else if (!base->available && !current->available) {
    d.verdict = Verdict::kNotCompared;
    d.note = with_reason("n/a in both", current->reason);
  } else if (!base->available) {
    d.verdict = Verdict::kNotCompared;
    d.note = with_reason("n/a in base", base->reason);
  } else if (!current->available) {
    d.verdict = Verdict::kRegressed;
    d.note = with_reason("became n/a", current->reason);
  } else {
    d.delta = d.current - d.base;
    const double worsening = d.higher_is_better ? -d.delta : d.delta;
    // Equal to about 12 significant digits counts as equal: JSON round trips and summation order
    // must not turn into verdicts.
    const double noise = 1e-12 * std::max({1.0, std::fabs(d.base), std::fabs(d.current)});
    if (std::fabs(d.delta) <= noise) {
      d.verdict = Verdict::kSame;
    } else if (worsening < 0) {
      d.verdict = Verdict::kImproved;
    } else if (worsening <= d.allowed + noise) {
      d.verdict = Verdict::kWithinTolerance;
    } else {
      d.verdict = Verdict::kRegressed;
    }
  }
  return d;
}

std::vector<ValueDiff> compare_values(const std::vector<Reported>& base_values,
                                      const std::vector<Reported>& current_values,
                                      const Tolerances& tolerances) {
  std::vector<ValueDiff> diffs;
  for (const Reported& b : base_values) {
    if (is_ignored(tolerances, b.name) || find_reported(base_values, b.name) != &b) continue;
    diffs.push_back(judge(b.name, &b, find_reported(current_values, b.name), tolerances));
  }
  for (const Reported& c : current_values) {
    if (is_ignored(tolerances, c.name) || find_reported(current_values, c.name) != &c) continue;
    if (!find_reported(base_values, c.name)) diffs.push_back(judge(c.name, nullptr, &c, tolerances));
  }
  return diffs;
}

CellKey key_of(const CellResult& cell) {
  return {cell.dataset, cell.sequence, cell.codec, cell.rate_point};
}

// A per-set metric's set is gated like a cell whose "sequence" is every sequence of the run.
CellKey key_of(const SetResult& set) {
  return {kAllSequences, set.metric, set.codec, set.rate_point};
}

std::map<CellKey, const SetResult*> index_sets(const RunResults& run) {
  std::map<CellKey, const SetResult*> index;
  for (const SetResult& set : run.sets) index.emplace(key_of(set), &set);
  return index;
}

// Sets of two runs compare only over the same sequences: otherwise the values differ by design.
CellDiff compare_set(const SetResult& base, const SetResult& current, const Tolerances& tolerances) {
  CellDiff diff;
  diff.key = key_of(base);
  if (base.sequences != current.sequences) {
    diff.status = CellStatus::kFailedInCurrent;
    diff.message = fmt::format("the set's sequences changed ({} in base, {} now)", base.sequences.size(),
                               current.sequences.size());
    return diff;
  }
  diff.values = compare_values(metric_values(base.values), metric_values(current.values), tolerances);
  return diff;
}

std::map<CellKey, const CellResult*> index_cells(const RunResults& run) {
  std::map<CellKey, const CellResult*> index;
  for (const CellResult& cell : run.cells) {
    if (!index.emplace(key_of(cell), &cell).second) {
      throw InputError((std::filesystem::path(run.run_dir) / "results.json").string(),
                       "one cell per (dataset, sequence, codec, rate point)",
                       "two cells for " + key_of(cell).label());
    }
  }
  return index;
}

std::string failure_text(const CellResult& cell) {
  return std::string(to_string(cell.stage)) + ": " + cell.error;
}

CellDiff compare_cell(const CellResult& base, const CellResult& current, const Tolerances& tolerances) {
  CellDiff diff;
  diff.key = key_of(base);
  if (base.ok() && current.ok()) {
    diff.status = CellStatus::kCompared;
    diff.values = compare_values(reported_values(base), reported_values(current), tolerances);
  } else if (base.ok()) {
    diff.status = CellStatus::kFailedInCurrent;
    diff.message = failure_text(current);
  } else if (current.ok()) {
    diff.status = CellStatus::kFixedInCurrent;
    diff.message = "failed in base: " + failure_text(base);
  } else {
    diff.status = CellStatus::kFailedInBoth;
    diff.message = failure_text(current);
  }
  return diff;
}

void note_version_change(std::vector<CodecVersionChange>& changes, const CellResult& base,
                         const CellResult& current) {
  if (base.codec_version == current.codec_version || base.codec_version.empty() ||
      current.codec_version.empty()) {
    return;
  }
  for (CodecVersionChange& c : changes) {
    if (c.codec == base.codec && c.base_version == base.codec_version &&
        c.current_version == current.codec_version) {
      ++c.cells;
      return;
    }
  }
  changes.push_back({base.codec, base.codec_version, current.codec_version, 1});
}

void count(CompareCounts& counts, const CellDiff& cell) {
  switch (cell.status) {
    case CellStatus::kCompared:
      break;
    case CellStatus::kMissingInCurrent:
      ++counts.missing;
      break;
    case CellStatus::kNewInCurrent:
      ++counts.added;
      break;
    case CellStatus::kFailedInCurrent:
      ++counts.failed;
      break;
    case CellStatus::kFixedInCurrent:
      ++counts.fixed;
      break;
    case CellStatus::kFailedInBoth:
      ++counts.failed_both;
      break;
  }
  if (cell.status != CellStatus::kMissingInCurrent && cell.status != CellStatus::kNewInCurrent)
    ++counts.matched;
  for (const ValueDiff& v : cell.values) {
    switch (v.verdict) {
      case Verdict::kImproved:
        ++counts.improved;
        break;
      case Verdict::kSame:
        ++counts.same;
        break;
      case Verdict::kWithinTolerance:
        ++counts.within;
        break;
      case Verdict::kRegressed:
        ++counts.regressed;
        break;
      case Verdict::kNotCompared:
        ++counts.not_compared;
        break;
    }
  }
  counts.regressions += cell.regressions();
}

RunInfo info_of(const RunResults& run) {
  return {run.run_dir, run.experiment, run.provenance.git_commit, run.provenance.tool_version,
          run.provenance.started_utc};
}

}  // namespace

std::string CellKey::label() const {
  return dataset + "/" + sequence + " " + codec + " " + rate_point;
}

bool CellKey::operator<(const CellKey& other) const {
  return std::tie(dataset, sequence, codec, rate_point) <
         std::tie(other.dataset, other.sequence, other.codec, other.rate_point);
}

const char* verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::kImproved:
      return "improved";
    case Verdict::kSame:
      return "same";
    case Verdict::kWithinTolerance:
      return "within tolerance";
    case Verdict::kRegressed:
      return "regressed";
    case Verdict::kNotCompared:
      return "not compared";
  }
  return "?";
}

const char* cell_status_name(CellStatus status) {
  switch (status) {
    case CellStatus::kCompared:
      return "compared";
    case CellStatus::kMissingInCurrent:
      return "missing in current";
    case CellStatus::kNewInCurrent:
      return "new in current";
    case CellStatus::kFailedInCurrent:
      return "failed in current";
    case CellStatus::kFixedInCurrent:
      return "fixed in current";
    case CellStatus::kFailedInBoth:
      return "failed in both";
  }
  return "?";
}

bool ValueDiff::notable_improvement() const {
  return verdict == Verdict::kImproved && std::fabs(delta) >= allowed;
}

int CellDiff::regressions() const {
  int n = status == CellStatus::kMissingInCurrent || status == CellStatus::kFailedInCurrent ? 1 : 0;
  for (const ValueDiff& v : values) n += v.verdict == Verdict::kRegressed ? 1 : 0;
  return n;
}

Comparison compare_runs(const RunResults& base, const RunResults& current, const Tolerances& tolerances) {
  const std::map<CellKey, const CellResult*> base_index = index_cells(base);
  const std::map<CellKey, const CellResult*> current_index = index_cells(current);
  Comparison out;
  out.base = info_of(base);
  out.current = info_of(current);
  for (const CellResult& b : base.cells) {
    const auto match = current_index.find(key_of(b));
    if (match == current_index.end()) {
      CellDiff missing;
      missing.key = key_of(b);
      missing.status = CellStatus::kMissingInCurrent;
      out.cells.push_back(missing);
      continue;
    }
    out.cells.push_back(compare_cell(b, *match->second, tolerances));
    note_version_change(out.codec_versions, b, *match->second);
  }
  for (const CellResult& c : current.cells) {
    if (base_index.count(key_of(c))) continue;
    CellDiff added;
    added.key = key_of(c);
    added.status = CellStatus::kNewInCurrent;
    out.cells.push_back(added);
  }
  const std::map<CellKey, const SetResult*> current_sets = index_sets(current);
  for (const SetResult& b : base.sets) {
    const auto match = current_sets.find(key_of(b));
    CellDiff diff;
    if (match == current_sets.end()) {
      diff.key = key_of(b);
      diff.status = CellStatus::kMissingInCurrent;
    } else {
      diff = compare_set(b, *match->second, tolerances);
    }
    out.cells.push_back(diff);
  }
  const std::map<CellKey, const SetResult*> base_sets = index_sets(base);
  for (const SetResult& c : current.sets) {
    if (base_sets.count(key_of(c))) continue;
    CellDiff added;
    added.key = key_of(c);
    added.status = CellStatus::kNewInCurrent;
    out.cells.push_back(added);
  }
  out.bd = compare_run_bd(base, current, metric_higher_is_better, is_rate_value);
  for (const CellDiff& cell : out.cells) {
    count(out.counts, cell);
    for (const ValueDiff& v : cell.values) {
      if (std::find(out.value_names.begin(), out.value_names.end(), v.name) == out.value_names.end()) {
        out.value_names.push_back(v.name);
      }
    }
  }
  return out;
}

}  // namespace tgvc
