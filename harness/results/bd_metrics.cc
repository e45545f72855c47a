#include "harness/results/bd_metrics.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "harness/results/bd_akima.h"
#include "harness/results/bd_cubic_fit.h"
#include "harness/results/bd_hermite.h"
#include "harness/results/bd_pchip.h"

namespace tgvc {
namespace {

// One curve's data for one of the two integrals: y as a function of x, points sorted by rate.
struct Series {
  const char* name;  // "anchor" | "test"
  std::vector<double> x;
  std::vector<double> y;
};

// What each integral is called in reasons and warnings, and the name of its x axis.
struct Axis {
  const char* value;  // "BD-rate" | "BD-quality"
  const char* x;      // "quality" | "log10 rate"
};

// The mean of (test - anchor) over the overlap of the x ranges, or why there is none.
struct MeanDifference {
  double value = BdResult::kNaN;
  double low = BdResult::kNaN;
  double high = BdResult::kNaN;
  std::string reason;
  std::string warning;
};

std::string bad_value(const std::vector<RdPoint>& points, const char* name) {
  for (size_t i = 0; i < points.size(); ++i) {
    const RdPoint& p = points[i];
    if (!std::isfinite(p.rate) || p.rate <= 0) {
      return fmt::format("{} point {}: the rate must be positive and finite, found {}", name, i + 1, p.rate);
    }
    if (!std::isfinite(p.quality)) {
      return fmt::format("{} point {}: the quality must be finite, found {}", name, i + 1, p.quality);
    }
  }
  return {};
}

// Why `s` cannot be modelled by `method`, or "" when it can.
std::string unusable(const Series& s, BdMethod method, const Axis& axis) {
  if (method == BdMethod::kCubic) {
    std::vector<double> distinct = s.x;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.size() >= 4) return {};
    return fmt::format("the cubic fit needs 4 points with distinct {}; the {} has {}", axis.x, s.name,
                       distinct.size());
  }
  if (s.x.size() < 2)
    return fmt::format("{} needs 2 points; the {} has {}", to_string(method), s.name, s.x.size());
  for (size_t i = 0; i + 1 < s.x.size(); ++i) {
    if (s.x[i + 1] == s.x[i]) {
      return fmt::format("the {} has two points at {} {:.6g}; the interpolant needs distinct ones", s.name,
                         axis.x, s.x[i]);
    }
  }
  const bool rising = std::is_sorted(s.x.begin(), s.x.end());
  if (rising) return {};
  const bool falling = std::is_sorted(s.x.rbegin(), s.x.rend());
  if (falling) {
    return fmt::format("the {}'s {} falls as the rate rises (is the metric's direction right?)", s.name,
                       axis.x);
  }
  return fmt::format("the {}'s {} is not monotonic in the rate; {} needs a monotonic curve", s.name, axis.x,
                     to_string(method));
}

double integral(const Series& s, BdMethod method, double a, double b) {
  switch (method) {
    case BdMethod::kCubic:
      return integrate_cubic(fit_cubic(s.x, s.y), a, b);
    case BdMethod::kPchip:
      return integrate_hermite(s.x, s.y, pchip_slopes(s.x, s.y), a, b);
    case BdMethod::kAkima:
      return integrate_hermite(s.x, s.y, akima_slopes(s.x, s.y), a, b);
  }
  return BdResult::kNaN;
}

MeanDifference mean_difference(const Series& anchor, const Series& test, BdMethod method, const Axis& axis) {
  MeanDifference out;
  for (const Series* s : {&anchor, &test}) {
    const std::string why = unusable(*s, method, axis);
    if (!why.empty()) {
      out.reason = std::string(axis.value) + ": " + why;
      return out;
    }
  }
  const auto [a_min, a_max] = std::minmax_element(anchor.x.begin(), anchor.x.end());
  const auto [t_min, t_max] = std::minmax_element(test.x.begin(), test.x.end());
  const double low = std::max(*a_min, *t_min);
  const double high = std::min(*a_max, *t_max);
  if (!(low < high)) {
    out.reason =
        fmt::format("{}: no overlap of the {} ranges (anchor [{:.6g}, {:.6g}], test [{:.6g}, {:.6g}])",
                    axis.value, axis.x, *a_min, *a_max, *t_min, *t_max);
    return out;
  }
  out.low = low;
  out.high = high;
  out.value = (integral(test, method, low, high) - integral(anchor, method, low, high)) / (high - low);
  const double a_share = (high - low) / (*a_max - *a_min);
  const double t_share = (high - low) / (*t_max - *t_min);
  if (std::min(a_share, t_share) < kBdSmallOverlap) {
    const bool anchor_worse = a_share <= t_share;
    out.warning = fmt::format("{}: the {} overlap covers only {:.0f}% of the {}'s range", axis.value, axis.x,
                              100 * std::min(a_share, t_share), anchor_worse ? "anchor" : "test");
  }
  return out;
}

std::string joined(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + "; " + b;
}

}  // namespace

BdResult bd_metrics(std::vector<RdPoint> anchor, std::vector<RdPoint> test, BdMethod method,
                    bool higher_is_better) {
  BdResult result;
  result.reason = joined(bad_value(anchor, "anchor"), bad_value(test, "test"));
  if (!result.reason.empty()) return result;
  // Flipping a lower-is-better quality makes "up" mean "better" so one set of formulas serves both.
  const double direction = higher_is_better ? 1.0 : -1.0;
  auto series = [direction](std::vector<RdPoint>& points, const char* name, bool rate_is_x) {
    std::stable_sort(points.begin(), points.end(),
                     [](const RdPoint& a, const RdPoint& b) { return a.rate < b.rate; });
    Series s{name, {}, {}};
    for (const RdPoint& p : points) {
      const double log_rate = std::log10(p.rate);
      const double quality = direction * p.quality;
      s.x.push_back(rate_is_x ? log_rate : quality);
      s.y.push_back(rate_is_x ? quality : log_rate);
    }
    return s;
  };

  // BD-rate: log-rate as a function of quality, averaged over the quality overlap.
  const MeanDifference rate = mean_difference(series(anchor, "anchor", false), series(test, "test", false),
                                              method, {"BD-rate", "quality"});
  if (rate.reason.empty()) {
    result.bd_rate_pct = (std::pow(10.0, rate.value) - 1) * 100;
    result.quality_low = higher_is_better ? rate.low : -rate.high;
    result.quality_high = higher_is_better ? rate.high : -rate.low;
  }
  // BD-quality: quality as a function of log-rate, averaged over the log-rate overlap.
  const MeanDifference quality = mean_difference(series(anchor, "anchor", true), series(test, "test", true),
                                                 method, {"BD-quality", "log10 rate"});
  if (quality.reason.empty()) {
    result.bd_quality = std::isfinite(quality.value) ? quality.value : BdResult::kNaN;
    result.log10_rate_low = quality.low;
    result.log10_rate_high = quality.high;
  }
  result.reason = joined(rate.reason, quality.reason);
  if (quality.reason.empty() && std::isnan(result.bd_quality)) {
    result.reason =
        joined(result.reason, "BD-quality: the values are too large to integrate in double precision");
  }
  if (rate.reason.empty() && !std::isfinite(result.bd_rate_pct)) {
    result.bd_rate_pct = BdResult::kNaN;
    result.reason = joined("BD-rate: the mean log-rate difference is too large to express as a percentage",
                           result.reason);
  }
  result.warning = joined(rate.warning, quality.warning);
  result.ok = result.reason.empty();
  return result;
}

}  // namespace tgvc
