#include "harness/results/bd_comparison.h"

namespace tgvc {
namespace {

const BdCurve* find_curve(const std::vector<BdCurve>& curves, const BdCurve& like) {
  for (const BdCurve& c : curves) {
    if (c.dataset == like.dataset && c.sequence == like.sequence) return &c;
  }
  return nullptr;
}

}  // namespace

BdComparison compare_bd_curves(const std::vector<BdCurve>& anchor, const std::vector<BdCurve>& test,
                               BdMethod method, bool higher_is_better) {
  BdComparison out;
  double rate_sum = 0;
  double quality_sum = 0;
  for (const BdCurve& a : anchor) {
    const BdCurve* t = find_curve(test, a);
    if (!t) {
      out.unmatched.push_back(curve_name(a.dataset, a.sequence) + ": only in the anchor");
      continue;
    }
    BdSequenceResult r{a.dataset, a.sequence, a.points.size(), t->points.size(),
                       bd_metrics(a.points, t->points, method, higher_is_better)};
    if (r.bd.ok) {
      ++out.mean_count;
      rate_sum += r.bd.bd_rate_pct;
      quality_sum += r.bd.bd_quality;
    }
    out.sequences.push_back(std::move(r));
  }
  for (const BdCurve& t : test) {
    if (!find_curve(anchor, t))
      out.unmatched.push_back(curve_name(t.dataset, t.sequence) + ": only in the test");
  }
  if (out.mean_count > 0) {
    out.mean_bd_rate_pct = rate_sum / out.mean_count;
    out.mean_bd_quality = quality_sum / out.mean_count;
  }
  return out;
}

}  // namespace tgvc
